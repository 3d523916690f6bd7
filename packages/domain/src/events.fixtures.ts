import { EVENT_SCHEMAS, type EventData, type EventType, type NewEvent } from './events';
import type { ProjectEvent } from './schemas/event';
import type { Sprint } from './schemas/sprint';
import type { Comment, Story } from './schemas/story';

/**
 * Builders for the tests of what reads the event log: whole stories, sprints and events in the API's
 * shapes. Every event is checked against its type's schema as the API's log checks it at append, so a
 * fixture the log would refuse fails its test instead of proving something about data that cannot exist.
 * The web's test fixtures build on them (`@ordo/domain/fixtures`).
 */

/** A fixed, valid id: `uuid(7)` is `00000000-0000-4000-8000-000000000007`. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const CREATED = '2025-01-01T00:00:00.000Z';

export function aStory(number: number, overrides: Partial<Story> = {}): Story {
  return {
    id: uuid(number),
    key: `SHOP-${number}`,
    number,
    type: 'story',
    title: `Story ${number}`,
    description: '',
    persona: '',
    goal: '',
    benefit: '',
    acceptanceCriteria: [],
    points: null,
    labels: [],
    epicId: null,
    sprintId: null,
    statusId: uuid(9001),
    assigneeId: null,
    dueDate: null,
    accepted: false,
    rank: 'a0',
    version: 1,
    deleted: false,
    spilledFrom: [],
    createdBy: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    subtasks: { done: 0, total: 0 },
    externalKey: null,
    resolution: null,
    resolvedAt: null,
    assigneeName: null,
    reporterName: null,
    ...overrides,
  };
}

export function aSprint(overrides: Partial<Sprint> = {}): Sprint {
  return {
    id: uuid(8001),
    name: 'Sprint 1',
    goal: '',
    startDate: null,
    endDate: null,
    state: 'planned',
    committedPoints: null,
    completedPoints: null,
    reviewNotes: '',
    startedAt: null,
    completedAt: null,
    createdAt: CREATED,
    ...overrides,
  };
}

export function aComment(story: Story, body: string, author: { id: string; name: string }): Comment {
  return { id: uuid(7001), storyId: story.id, author, body, createdAt: CREATED, editedAt: null };
}

/** An event as a writer makes it (what the notification rules read), checked against its schema. */
export function newEvent<T extends EventType>(type: T, data: EventData<T>): NewEvent {
  EVENT_SCHEMAS[type].parse(data);
  return { type, data } as NewEvent;
}

/** A project's log as the API writes it: seq from 1, each event checked against its type's schema. */
export function eventLog() {
  const events: ProjectEvent[] = [];
  return {
    events,
    append<T extends EventType>(at: string, type: T, data: EventData<T>) {
      const checked = EVENT_SCHEMAS[type].parse(data) as Record<string, unknown>;
      events.push({ seq: events.length + 1, type, actor: { id: null, name: 'Ana' }, at, data: checked });
    },
  };
}
