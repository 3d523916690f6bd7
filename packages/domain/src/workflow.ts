import type { StatusCategory } from './schemas/project';

export interface WorkflowStatus {
  name: string;
  category: StatusCategory;
  wipLimit: number | null;
}

/** The workflow a new project starts with. */
export const DEFAULT_WORKFLOW: readonly WorkflowStatus[] = [
  { name: 'To Do', category: 'todo', wipLimit: null },
  { name: 'In Progress', category: 'in_progress', wipLimit: null },
  { name: 'In Review', category: 'in_progress', wipLimit: null },
  { name: 'Done', category: 'done', wipLimit: null },
];

/** The status a new story gets: the first one in the todo category (or the first at all). */
export function initialStatus<S extends { category: StatusCategory }>(statuses: readonly S[]): S | undefined {
  return statuses.find((s) => s.category === 'todo') ?? statuses[0];
}

/** Whether a status is in the done category: what "done" means everywhere (sprints, acceptance, backlog). */
export const isDoneCategory = (category: StatusCategory | undefined): boolean => category === 'done';

/** The ids of the workflow's done statuses. */
export const doneStatusIds = (statuses: readonly { id: string; category: StatusCategory }[]): Set<string> =>
  new Set(statuses.filter((s) => isDoneCategory(s.category)).map((s) => s.id));

/**
 * Where a story the PO rejects goes back to: the first in-progress status (in workflow order), else the
 * first todo one; undefined leaves it where it is.
 */
export function reopenStatus<S extends { category: StatusCategory }>(statuses: readonly S[]): S | undefined {
  return statuses.find((s) => s.category === 'in_progress') ?? statuses.find((s) => s.category === 'todo');
}
