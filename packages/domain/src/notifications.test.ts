import { describe, expect, it } from 'vitest';
import {
  notificationsFor,
  watchersAddedBy,
  type StoryEvent,
  type NotificationContext,
} from './notifications';

const story = {
  id: 's1',
  key: 'SHOP-1',
  title: 'Checkout',
  description: '',
  statusId: 'todo',
  assigneeId: null as string | null,
  createdBy: 'ann',
};
const members = new Map([
  ['ann', { handle: 'ann' }],
  ['bob', { handle: 'bob' }],
  ['cy', { handle: 'cy' }],
]);
const context = (over: Partial<NotificationContext> = {}): NotificationContext => ({
  actor: { id: 'ann', name: 'Ann' },
  members,
  watchers: new Set(),
  statusName: (id) => ({ done: 'Done' })[id],
  ...over,
});
const who = (event: StoryEvent, over?: Partial<NotificationContext>) =>
  notificationsFor(event, context(over)).map((n) => `${n.userId}:${n.type}`);

describe('notificationsFor', () => {
  it('notifies the members a comment mentions, and the watchers that someone commented', () => {
    const event = { type: 'comment.added', data: { story, comment: { body: '@bob please check' } } };
    expect(who(event, { watchers: new Set(['bob', 'cy']) })).toEqual(['bob:mentioned', 'cy:commented']);
  });

  it('never notifies the actor of their own action', () => {
    const event = { type: 'comment.added', data: { story, comment: { body: 'note to self @ann' } } };
    expect(who(event, { watchers: new Set(['ann']) })).toEqual([]);
    const assigned = {
      type: 'story.updated',
      data: { story: { ...story, assigneeId: 'ann' }, from: { assigneeId: null } },
    };
    expect(who(assigned)).toEqual([]);
  });

  it('notifies nobody for a handle that is not a member', () => {
    const event = { type: 'comment.added', data: { story, comment: { body: '@zed and @nobody' } } };
    expect(who(event)).toEqual([]);
  });

  it('tells nobody who is no longer a member, watcher or not', () => {
    const event = {
      type: 'story.transitioned',
      data: { story: { ...story, statusId: 'done' }, from: { statusId: 'todo' } },
    };
    expect(who(event, { watchers: new Set(['gone', 'bob']) })).toEqual(['bob:status_changed']);
    expect(notificationsFor(event, context({ watchers: new Set(['bob']) }))[0]!.text).toBe(
      'Ann moved SHOP-1 Checkout to Done',
    );
  });

  it('tells a new assignee once, even when they watch and the status changed too', () => {
    const event = {
      type: 'story.transitioned',
      data: {
        story: { ...story, statusId: 'done', assigneeId: 'bob' },
        from: { statusId: 'todo', assigneeId: null },
      },
    };
    expect(who(event, { watchers: new Set(['bob', 'cy']) })).toEqual(['bob:assigned', 'cy:status_changed']);
  });

  it('does not tell an assignee again when the assignee did not change, nor anyone about an unassignment', () => {
    const same = {
      type: 'story.updated',
      data: { story: { ...story, assigneeId: 'bob' }, from: { assigneeId: 'bob', title: 'x' } },
    };
    const unassigned = { type: 'story.updated', data: { story, from: { assigneeId: 'bob' } } };
    expect(who(same, { watchers: new Set(['bob']) })).toEqual([]);
    expect(who(unassigned, { watchers: new Set(['bob']) })).toEqual([]);
  });

  it('mentions in a description count when the story is created, and on an edit only the new ones', () => {
    const created = { type: 'story.created', data: { story: { ...story, description: 'for @bob and @cy' } } };
    expect(who(created)).toEqual(['bob:mentioned', 'cy:mentioned']);
    const edited = {
      type: 'story.updated',
      data: { story: { ...story, description: '@bob @cy' }, from: { description: 'for @bob' } },
    };
    expect(who(edited)).toEqual(['cy:mentioned']);
  });

  it('tells watchers of acceptance and rejection, with the reason', () => {
    expect(who({ type: 'story.accepted', data: { story } }, { watchers: new Set(['bob']) })).toEqual([
      'bob:accepted',
    ]);
    const rejected = notificationsFor(
      { type: 'story.rejected', data: { story, reason: 'Breaks on mobile' } },
      context({ watchers: new Set(['bob']) }),
    );
    expect(rejected.map((n) => [n.type, n.text])).toEqual([
      ['rejected', 'Ann rejected SHOP-1: Breaks on mobile'],
    ]);
  });

  it('stays silent about plain edits, ranking and other events', () => {
    const watchers = new Set(['bob']);
    expect(who({ type: 'story.updated', data: { story, from: { title: 'Old' } } }, { watchers })).toEqual([]);
    expect(who({ type: 'story.ranked', data: { story } }, { watchers })).toEqual([]);
    expect(who({ type: 'sprint.started', data: {} }, { watchers })).toEqual([]);
  });
});

describe('watchersAddedBy', () => {
  it('adds the creator, a new assignee and whoever comments', () => {
    expect(watchersAddedBy({ type: 'story.created', data: { story } }, 'ann')).toEqual(['ann']);
    expect(watchersAddedBy({ type: 'comment.added', data: { story, comment: { body: 'x' } } }, 'cy')).toEqual(
      ['cy'],
    );
    const assigned = {
      type: 'story.updated',
      data: { story: { ...story, assigneeId: 'bob' }, from: { assigneeId: null } },
    };
    expect(watchersAddedBy(assigned, 'ann')).toEqual(['bob']);
    expect(watchersAddedBy({ type: 'story.updated', data: { story, from: { title: 'x' } } }, 'ann')).toEqual(
      [],
    );
  });
});
