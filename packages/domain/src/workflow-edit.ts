import { conflict, invalid } from './errors';
import type { Status, StatusCategory } from './schemas/project';
import type { UpdateStatuses } from './schemas/workflow';

export interface PlannedStatus {
  /** null for a new status. */
  id: string | null;
  name: string;
  category: StatusCategory;
  wipLimit: number | null;
  position: number;
}
export interface RemovedStatus {
  status: Status;
  /** Where its stories go; null when it holds none. */
  movedTo: string | null;
}
export interface WorkflowPlan {
  statuses: PlannedStatus[];
  removed: RemovedStatus[];
}

/**
 * Checks a whole new workflow against the current one. Every workflow keeps a todo status (where new stories
 * start) and a done status (what completes a sprint); a removed status that still holds stories needs
 * `moveStoriesTo[its id]`, a status that stays.
 */
export function planWorkflow(
  current: readonly Status[],
  { statuses, moveStoriesTo = {} }: UpdateStatuses,
  storyCounts: ReadonlyMap<string, number>,
): WorkflowPlan {
  checkEntries(current, statuses);
  for (const category of ['todo', 'done'] as const) {
    if (!statuses.some((s) => s.category === category)) {
      throw invalid('statuses', `the workflow needs at least one status in the "${category}" category`);
    }
  }
  const kept = new Set(statuses.flatMap((s) => (s.id ? [s.id] : [])));
  const removed = current.filter((s) => !kept.has(s.id));
  checkMoves(moveStoriesTo, new Set(removed.map((s) => s.id)), kept);
  const stranded = removed.filter((s) => (storyCounts.get(s.id) ?? 0) > 0 && !moveStoriesTo[s.id]);
  if (stranded.length > 0) {
    const names = stranded.map((s) => `"${s.name}"`).join(', ');
    throw conflict(`Stories are still in ${names}: say where they go in moveStoriesTo`, {
      statuses: stranded.map((s) => ({ id: s.id, name: s.name, stories: storyCounts.get(s.id) })),
    });
  }
  return {
    statuses: statuses.map((s, position) => ({
      id: s.id ?? null,
      name: s.name,
      category: s.category,
      wipLimit: s.wipLimit ?? null,
      position,
    })),
    removed: removed.map((status) => ({ status, movedTo: moveStoriesTo[status.id] ?? null })),
  };
}

function checkEntries(current: readonly Status[], statuses: UpdateStatuses['statuses']): void {
  const known = new Set(current.map((s) => s.id));
  const ids = new Set<string>();
  const names = new Set<string>();
  statuses.forEach((s, i) => {
    if (s.id !== undefined && !known.has(s.id))
      throw invalid(`statuses.${i}.id`, 'not a status of this project');
    if (s.id !== undefined && ids.has(s.id)) throw invalid(`statuses.${i}.id`, 'listed twice');
    const name = s.name.toLowerCase();
    if (names.has(name)) throw invalid(`statuses.${i}.name`, 'two statuses cannot share a name');
    if (s.id !== undefined) ids.add(s.id);
    names.add(name);
  });
}

function checkMoves(
  moves: Record<string, string>,
  removed: ReadonlySet<string>,
  kept: ReadonlySet<string>,
): void {
  for (const [from, to] of Object.entries(moves)) {
    if (!removed.has(from)) throw invalid(`moveStoriesTo.${from}`, 'not a status this change removes');
    if (!kept.has(to)) throw invalid(`moveStoriesTo.${from}`, 'stories can only move to a status that stays');
  }
}
