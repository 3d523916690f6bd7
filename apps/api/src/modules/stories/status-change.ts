import { afterTransition } from '@ordo/domain';
import type { Tx } from '@ordo/db';
import type { StoryRow } from './queries';
import { findSprint } from '../sprints/queries';
import { statusCategories } from '../workflow/queries';

/**
 * The changes a story takes when it moves to `statusId` (board move, PO rejection): leaving done takes back
 * its acceptance, and a story reopened in a closed sprint returns to the backlog.
 */
export async function statusChange(tx: Tx, projectId: string, row: StoryRow, statusId: string) {
  const sprint = row.sprintId ? await findSprint(tx, projectId, row.sprintId) : undefined;
  return afterTransition(row, statusId, await statusCategories(tx, projectId), sprint?.state ?? null);
}
