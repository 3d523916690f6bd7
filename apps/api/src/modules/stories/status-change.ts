import { and, eq } from 'drizzle-orm';
import { afterTransition } from '@ordo/domain';
import { sprints, type Tx } from '@ordo/db';
import { statusCategories } from '../../lib/status-categories';
import type { StoryRow } from './queries';

/** The state of the story's sprint, read here rather than from the sprints module, which builds on stories. */
async function sprintStateOf(tx: Tx, projectId: string, sprintId: string) {
  const [row] = await tx
    .select({ state: sprints.state })
    .from(sprints)
    .where(and(eq(sprints.projectId, projectId), eq(sprints.id, sprintId)));
  return row?.state ?? null;
}

/**
 * The changes a story takes when it moves to `statusId` (board move, PO rejection): leaving done takes back
 * its acceptance, and a story reopened in a closed sprint returns to the backlog.
 */
export async function statusChange(tx: Tx, projectId: string, row: StoryRow, statusId: string) {
  const sprintState = row.sprintId ? await sprintStateOf(tx, projectId, row.sprintId) : null;
  return afterTransition(row, statusId, await statusCategories(tx, projectId), sprintState);
}
