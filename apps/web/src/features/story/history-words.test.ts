import { describe, expect, it } from 'vitest';
import type { ProjectEvent } from '@ordo/domain';
import { DOING, TODO, makeStory } from '../../test/fixtures';
import { describeEvent, type Names } from './history-words';

const ANA = '00000000-0000-4000-8000-0000000000a1';
const DANA = '00000000-0000-4000-8000-0000000000d1';
const CHECKOUT = '00000000-0000-4000-8000-0000000000e1';
const names: Names = {
  status: (id) => ({ [TODO]: 'To Do', [DOING]: 'In Progress' })[id],
  person: (id) =>
    ({
      [ANA]: { name: 'Ana', roles: ['product_owner'] as const },
      [DANA]: { name: 'Dana', roles: ['developer'] as const },
    })[id],
  epic: (id) => (id === CHECKOUT ? 'Checkout' : undefined),
};
const event = (type: string, data: Record<string, unknown>, actor = ANA): ProjectEvent => ({
  seq: 1,
  type,
  actor: { id: actor, name: actor === ANA ? 'Ana' : 'Dana' },
  at: '2025-01-01T00:00:00.000Z',
  data,
});

describe('describeEvent', () => {
  it('says who re-prioritised a story, with their role', () => {
    const text = describeEvent(
      event('story.ranked', {
        story: makeStory(),
        from: { rank: 'a5', position: 14 },
        to: { rank: 'a0', position: 2 },
      }),
      names,
    );
    expect(text).toBe('Ana (Product Owner) moved this from #14 to #2 in the backlog');
  });
  it('names the columns of a transition', () => {
    const text = describeEvent(
      event('story.transitioned', { story: makeStory({ statusId: DOING }), from: { statusId: TODO } }, DANA),
      names,
    );
    expect(text).toBe('Dana (Developer) moved this from To Do to In Progress');
  });
  it('words estimates, assignments and plain edits', () => {
    const story = makeStory({ points: 5, assigneeId: DANA, title: 'New', epicId: CHECKOUT });
    const text = describeEvent(
      event('story.updated', {
        story,
        from: { points: 3, assigneeId: null, title: 'Old', description: '', epicId: null },
      }),
      names,
    );
    expect(text).toBe(
      'Ana (Product Owner) re-estimated this from 3 to 5 points, assigned this to Dana, linked this to the epic Checkout and edited the title and the description',
    );
  });
  it('keeps the reason of a rejection, as text', () => {
    const text = describeEvent(
      event('story.rejected', {
        story: makeStory(),
        reason: '<b>fails on iOS</b>',
        from: { statusId: DOING },
      }),
      names,
    );
    expect(text).toBe('Ana (Product Owner) rejected this: “<b>fails on iOS</b>”');
  });
  it('falls back to the event name for the unknown, and to the bare name for a former member', () => {
    const stranger = { ...event('story.archived', {}), actor: { id: null, name: 'Ghost' } };
    expect(describeEvent(stranger, names)).toBe('Ghost story archived');
  });
});
