import { rankBetween, type Sprint, type Status, type Story } from '@ordo/domain';
import { aSprint, aStory, uuid } from '@ordo/domain/fixtures';

/** Test data in the API's shapes, so pure functions are tested against what the server really sends. */
let counter = 0;

export const STATUSES: Status[] = [
  { id: uuid(9001), name: 'To Do', category: 'todo', wipLimit: null },
  { id: uuid(9002), name: 'In Progress', category: 'in_progress', wipLimit: 2 },
  { id: uuid(9003), name: 'In Review', category: 'in_progress', wipLimit: null },
  { id: uuid(9004), name: 'Done', category: 'done', wipLimit: null },
];
export const [TODO, DOING, REVIEW, DONE] = STATUSES.map((s) => s.id) as [string, string, string, string];

/** A whole story (the domain's test builder), numbered on from the last one. */
export const makeStory = (overrides: Partial<Story> = {}): Story =>
  aStory(++counter, { statusId: TODO, ...overrides });

/** Stories with ascending ranks, in the given order. */
export function rankedStories(count: number, overrides: Partial<Story> = {}): Story[] {
  let rank: string | null = null;
  return Array.from({ length: count }, () => {
    rank = rankBetween(rank, null);
    return makeStory({ ...overrides, rank });
  });
}

export const makeSprint = (overrides: Partial<Sprint> = {}): Sprint =>
  aSprint({ id: uuid(8000 + ++counter), ...overrides });
