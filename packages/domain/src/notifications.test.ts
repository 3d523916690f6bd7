import { describe, expect, it } from 'vitest';
import type { NewEvent } from './events';
import { aComment, aSprint, aStory, newEvent, uuid } from './events.fixtures';
import { notificationsFor, watchersAddedBy, type NotificationContext } from './notifications';

const [ANN, BOB, CY, GONE] = [uuid(1001), uuid(1002), uuid(1003), uuid(1004)];
const [TODO, DONE] = [uuid(9001), uuid(9002)];
const NAMES = new Map([
  [ANN, 'ann'],
  [BOB, 'bob'],
  [CY, 'cy'],
]);
const story = aStory(1, { title: 'Checkout', statusId: TODO, createdBy: ANN });
const members = new Map([
  [ANN, { handle: 'ann' }],
  [BOB, { handle: 'bob' }],
  [CY, { handle: 'cy' }],
]);
const context = (over: Partial<NotificationContext> = {}): NotificationContext => ({
  actor: { id: ANN, name: 'Ann' },
  members,
  watchers: new Set(),
  statusName: (id) => (id === DONE ? 'Done' : undefined),
  ...over,
});
const who = (event: NewEvent, over?: Partial<NotificationContext>) =>
  notificationsFor(event, context(over)).map((n) => `${NAMES.get(n.userId)}:${n.type}`);
const commented = (body: string, author = { id: ANN, name: 'Ann' }) =>
  newEvent('comment.added', { story, comment: aComment(story, body, author) });

describe('notificationsFor', () => {
  it('notifies the members a comment mentions, and the watchers that someone commented', () => {
    const event = commented('@bob please check');
    expect(who(event, { watchers: new Set([BOB, CY]) })).toEqual(['bob:mentioned', 'cy:commented']);
  });

  it('never notifies the actor of their own action', () => {
    const event = commented('note to self @ann');
    expect(who(event, { watchers: new Set([ANN]) })).toEqual([]);
    const assigned = newEvent('story.updated', {
      story: { ...story, assigneeId: ANN },
      from: { assigneeId: null },
    });
    expect(who(assigned)).toEqual([]);
  });

  it('notifies nobody for a handle that is not a member', () => {
    const event = commented('@zed and @nobody');
    expect(who(event)).toEqual([]);
  });

  it('tells nobody who is no longer a member, watcher or not', () => {
    const event = newEvent('story.transitioned', {
      story: { ...story, statusId: DONE },
      from: { statusId: TODO },
    });
    expect(who(event, { watchers: new Set([GONE, BOB]) })).toEqual(['bob:status_changed']);
    expect(notificationsFor(event, context({ watchers: new Set([BOB]) }))[0]!.text).toBe(
      'Ann moved SHOP-1 Checkout to Done',
    );
  });

  it('tells a new assignee once, even when they watch and the status changed too', () => {
    const event = newEvent('story.transitioned', {
      story: { ...story, statusId: DONE, assigneeId: BOB },
      from: { statusId: TODO, assigneeId: null },
    });
    expect(who(event, { watchers: new Set([BOB, CY]) })).toEqual(['bob:assigned', 'cy:status_changed']);
  });

  it('does not tell an assignee again when the assignee did not change, nor anyone about an unassignment', () => {
    const same = newEvent('story.updated', {
      story: { ...story, assigneeId: BOB },
      from: { assigneeId: BOB, title: 'x' },
    });
    const unassigned = newEvent('story.updated', { story, from: { assigneeId: BOB } });
    expect(who(same, { watchers: new Set([BOB]) })).toEqual([]);
    expect(who(unassigned, { watchers: new Set([BOB]) })).toEqual([]);
  });

  it('mentions in a description count when the story is created, and on an edit only the new ones', () => {
    const created = newEvent('story.created', { story: { ...story, description: 'for @bob and @cy' } });
    expect(who(created)).toEqual(['bob:mentioned', 'cy:mentioned']);
    const edited = newEvent('story.updated', {
      story: { ...story, description: '@bob @cy' },
      from: { description: 'for @bob' },
    });
    expect(who(edited)).toEqual(['cy:mentioned']);
  });

  it('tells watchers of acceptance and rejection, with the reason', () => {
    expect(who(newEvent('story.accepted', { story }), { watchers: new Set([BOB]) })).toEqual([
      'bob:accepted',
    ]);
    const rejected = notificationsFor(
      newEvent('story.rejected', { story, reason: 'Breaks on mobile', from: { statusId: DONE } }),
      context({ watchers: new Set([BOB]) }),
    );
    expect(rejected.map((n) => [n.type, n.text])).toEqual([
      ['rejected', 'Ann rejected SHOP-1: Breaks on mobile'],
    ]);
  });

  it('stays silent about plain edits, ranking and other events', () => {
    const watchers = new Set([BOB]);
    expect(who(newEvent('story.updated', { story, from: { title: 'Old' } }), { watchers })).toEqual([]);
    const ranked = newEvent('story.ranked', { story, from: { rank: 'a0' }, to: { rank: 'a1' } });
    expect(who(ranked, { watchers })).toEqual([]);
    expect(who(newEvent('sprint.started', { sprint: aSprint(), stories: [] }), { watchers })).toEqual([]);
  });
});

describe('watchersAddedBy', () => {
  it('adds the creator, a new assignee and whoever comments', () => {
    expect(watchersAddedBy(newEvent('story.created', { story }), ANN)).toEqual([ANN]);
    expect(watchersAddedBy(commented('x', { id: CY, name: 'Cy' }), CY)).toEqual([CY]);
    const assigned = newEvent('story.updated', {
      story: { ...story, assigneeId: BOB },
      from: { assigneeId: null },
    });
    expect(watchersAddedBy(assigned, ANN)).toEqual([BOB]);
    expect(watchersAddedBy(newEvent('story.updated', { story, from: { title: 'x' } }), ANN)).toEqual([]);
  });
});
