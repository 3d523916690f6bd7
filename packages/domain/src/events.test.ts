import { describe, expect, it } from 'vitest';
import {
  changesUncarriedStories,
  EVENT_SCHEMAS,
  EVENT_TYPES,
  parseEvent,
  STORY_EVENT_TYPES,
  storyOfEvent,
} from './events';

const logged = (type: string, data: Record<string, unknown>) => ({
  seq: 1,
  type,
  actor: { id: null, name: 'Ana' },
  at: '2030-01-01T00:00:00.000Z',
  data,
});
const member = {
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'a@example.com', name: 'Ana', handle: 'ana' },
  roles: ['developer'],
  joinedAt: '2030-01-01T00:00:00.000Z',
};

describe('the event vocabulary', () => {
  it('has one schema per type, and every story-carrying type is a story event', () => {
    expect(EVENT_TYPES).toEqual(Object.keys(EVENT_SCHEMAS));
    expect(STORY_EVENT_TYPES).toContain('story.ranked');
    expect(STORY_EVENT_TYPES).toContain('comment.added');
    expect(STORY_EVENT_TYPES).not.toContain('member.removed');
  });

  it('parses an event by its type, and gives null for an unknown type or data that does not fit', () => {
    const parsed = parseEvent(logged('member.removed', { member }));
    expect(parsed?.type === 'member.removed' && parsed.data.member.user.id).toBe(member.user.id);
    expect(parseEvent(logged('member.archived', { member }))).toBeNull();
    expect(parseEvent(logged('member.removed', { member: { user: {} } }))).toBeNull();
  });

  it('reads no story out of an event that carries none', () => {
    expect(storyOfEvent(logged('member.removed', { member, story: {} }))).toBeNull();
    expect(storyOfEvent(logged('story.updated', { story: { id: 'x' } }))).toBeNull();
  });

  it('says which events change stories they do not carry, and assumes so of a type it does not know', () => {
    expect(EVENT_TYPES.filter(changesUncarriedStories)).toEqual([
      'workflow.updated',
      'sprint.completed',
      'epic.deleted',
      'import.completed',
    ]);
    expect(changesUncarriedStories('story.archived')).toBe(true);
    expect(changesUncarriedStories('constructor')).toBe(true);
  });
});
