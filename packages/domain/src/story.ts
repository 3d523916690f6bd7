import type { Action } from './policy';
import type { UpdateStory } from './schemas/story';

/** Which policy action guards each editable field of a story; fields not listed are plain text edits. */
const FIELD_ACTIONS: Partial<Record<keyof UpdateStory, Action>> = {
  points: 'story.estimate',
  epicId: 'story.link_epic',
  statusId: 'story.transition',
  assigneeId: 'story.assign',
};

/**
 * The actions a write needs: `base` (create or edit) plus one per guarded field it sets. An estimate or an
 * epic link needs its role even on a new story; a story created without them needs only `story.create`.
 */
export function actionsForStoryFields(
  fields: Partial<UpdateStory>,
  base: 'story.create' | 'story.edit',
): Action[] {
  const actions = new Set<Action>();
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'version' || value === undefined) continue;
    const guard = FIELD_ACTIONS[field as keyof UpdateStory];
    if (base === 'story.create' && guard && value === null) continue;
    actions.add(guard ?? base);
  }
  if (base === 'story.create' || actions.size === 0) actions.add(base);
  return [...actions];
}

/** A deadline missed: due before today and not done yet (a done story is never overdue). */
export function isOverdue(story: { dueDate: string | null }, today: string, isDone: boolean): boolean {
  return !isDone && story.dueDate !== null && story.dueDate < today;
}

/** The definition of ready: the team can pull a story into a sprint once it has acceptance criteria and an estimate. */
export function isReady(story: {
  acceptanceCriteria: readonly unknown[] | { total: number };
  points: number | null;
}): boolean {
  return criteriaCount(story.acceptanceCriteria) > 0 && story.points !== null;
}

/**
 * In the product backlog: not deleted, not in a sprint, not done. (The API's backlog query says the same
 * in SQL; the web client asks this to place a live story update.)
 */
export function isInBacklog(
  story: { deleted: boolean; sprintId: string | null; statusId: string },
  doneStatusIds: ReadonlySet<string>,
): boolean {
  return !story.deleted && story.sprintId === null && !doneStatusIds.has(story.statusId);
}

export const formatStoryKey = (projectKey: string, number: number) => `${projectKey}-${number}`;

/** `SHOP-42` → 42, or null when the key belongs to another project or is malformed. */
export function storyNumber(projectKey: string, storyKey: string): number | null {
  const prefix = `${projectKey}-`;
  if (!storyKey.startsWith(prefix)) return null;
  const n = Number(storyKey.slice(prefix.length));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** How many acceptance criteria a story has: the list of a full story, or the counts of a summary. */
export const criteriaCount = (criteria: readonly unknown[] | { total: number }): number =>
  Array.isArray(criteria) ? criteria.length : (criteria as { total: number }).total;
