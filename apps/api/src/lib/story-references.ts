import { and, eq } from 'drizzle-orm';
import { epics, members, projects, statuses, type Tx } from '@ordo/db';
import { invalid } from '@ordo/domain';

/**
 * Ids in a story body must belong to the story's project (statuses, members) or its product (epics): an
 * id from elsewhere is refused as bad input naming the field, so no write ever links two products.
 */
export async function checkStoryReferences(
  tx: Tx,
  projectId: string,
  refs: {
    statusId?: string | null | undefined;
    assigneeId?: string | null | undefined;
    epicId?: string | null | undefined;
  },
) {
  if (refs.statusId) {
    const [row] = await tx
      .select({ id: statuses.id })
      .from(statuses)
      .where(and(eq(statuses.id, refs.statusId), eq(statuses.projectId, projectId)));
    if (!row) throw invalid('statusId', 'is not a status of this project');
  }
  if (refs.assigneeId) {
    const [row] = await tx
      .select({ id: members.userId })
      .from(members)
      .where(and(eq(members.userId, refs.assigneeId), eq(members.projectId, projectId)));
    if (!row) throw invalid('assigneeId', 'is not a member of this project');
  }
  if (refs.epicId) {
    const [row] = await tx
      .select({ id: epics.id })
      .from(epics)
      .innerJoin(projects, and(eq(projects.id, projectId), eq(projects.productId, epics.productId)))
      .where(eq(epics.id, refs.epicId));
    if (!row) throw invalid('epicId', "is not an epic of this project's product");
  }
}

export async function statusCategory(tx: Tx, projectId: string, statusId: string) {
  const [row] = await tx
    .select({ category: statuses.category })
    .from(statuses)
    .where(and(eq(statuses.projectId, projectId), eq(statuses.id, statusId)));
  return row?.category;
}
