import type { Status, StatusInput, UpdateStatuses } from '@ordo/domain';

export type DraftStatus = StatusInput & { key: string };

/**
 * The `PUT /statuses` body for an edited workflow. Stories of a removed column go to the first remaining
 * column of the same category (else the first column that stays), so removing a column never strands work.
 */
export function workflowBody(current: readonly Status[], draft: readonly DraftStatus[]): UpdateStatuses {
  const statuses = draft.map(({ id, name, category, wipLimit }) => ({
    ...(id ? { id } : {}),
    name: name.trim(),
    category,
    wipLimit: wipLimit ?? null,
  }));
  const kept = draft.filter((s): s is DraftStatus & { id: string } => s.id !== undefined);
  const moveStoriesTo: Record<string, string> = {};
  for (const removed of current.filter((s) => !kept.some((k) => k.id === s.id))) {
    const target = kept.find((k) => k.category === removed.category) ?? kept[0];
    if (target) moveStoriesTo[removed.id] = target.id;
  }
  return { statuses, moveStoriesTo };
}

/** The current workflow as editable rows (`key` keeps React rows stable while names change). */
export const toDraft = (statuses: readonly Status[]): DraftStatus[] =>
  statuses.map((s) => ({ ...s, key: s.id }));
