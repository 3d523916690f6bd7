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
