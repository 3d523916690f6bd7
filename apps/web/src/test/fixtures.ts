import { rankBetween, type Sprint, type Status, type Story } from '@ordo/domain';

/** Test data in the API's shapes, so pure functions are tested against what the server really sends. */
let counter = 0;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const STATUSES: Status[] = [
  { id: uuid(9001), name: 'To Do', category: 'todo', wipLimit: null },
  { id: uuid(9002), name: 'In Progress', category: 'in_progress', wipLimit: 2 },
  { id: uuid(9003), name: 'In Review', category: 'in_progress', wipLimit: null },
  { id: uuid(9004), name: 'Done', category: 'done', wipLimit: null },
];
export const [TODO, DOING, REVIEW, DONE] = STATUSES.map((s) => s.id) as [string, string, string, string];

export function makeStory(overrides: Partial<Story> = {}): Story {
  const n = ++counter;
  return {
    id: uuid(n),
    key: `SHOP-${n}`,
    number: n,
    type: 'story',
    title: `Story ${n}`,
    description: '',
    persona: '',
    goal: '',
    benefit: '',
    acceptanceCriteria: [],
    points: null,
    labels: [],
    epicId: null,
    sprintId: null,
    statusId: TODO,
    assigneeId: null,
    dueDate: null,
    accepted: false,
    rank: rankBetween(null, null),
    version: 1,
    deleted: false,
    spilledFrom: [],
    createdBy: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    subtasks: { done: 0, total: 0 },
    externalKey: null,
    resolution: null,
    resolvedAt: null,
    assigneeName: null,
    reporterName: null,
    ...overrides,
  };
}

/** Stories with ascending ranks, in the given order. */
export function rankedStories(count: number, overrides: Partial<Story> = {}): Story[] {
  let rank: string | null = null;
  return Array.from({ length: count }, () => {
    rank = rankBetween(rank, null);
    return makeStory({ ...overrides, rank });
  });
}

export function makeSprint(overrides: Partial<Sprint> = {}): Sprint {
  return {
    id: uuid(8000 + ++counter),
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
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}
