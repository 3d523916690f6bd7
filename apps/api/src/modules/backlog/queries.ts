import { and, asc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { statuses, stories, type Db, type Tx } from '@ordo/db';
import type { BacklogFilter } from '@ordo/domain';
import { matchesText, notDeleted } from '../stories/queries';

/** The product backlog: stories in no sprint, not done, not deleted. */
function inBacklog(projectId: string): SQL {
  return and(
    eq(stories.projectId, projectId),
    isNull(stories.sprintId),
    notDeleted(),
    ne(statuses.category, 'done'),
  )!;
}

function filters(filter: BacklogFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.q) where.push(matchesText(filter.q));
  if (filter.label) where.push(sql`${filter.label} = any(${stories.labels})`);
  if (filter.epic) where.push(eq(stories.epicId, filter.epic));
  if (filter.assignee) where.push(eq(stories.assigneeId, filter.assignee));
  if (filter.type) where.push(eq(stories.type, filter.type));
  return where;
}

export async function listBacklog(db: Db, projectId: string, filter: BacklogFilter) {
  const rows = await db
    .select({ story: stories })
    .from(stories)
    .innerJoin(statuses, eq(statuses.id, stories.statusId))
    .where(and(inBacklog(projectId), ...filters(filter)))
    .orderBy(asc(stories.rank));
  return rows.map((r) => r.story);
}

/**
 * 1-based places in the backlog of a story's old and new rank ("moved from #14 to #2"), for the history:
 * one index scan, counting the other backlog stories before each rank.
 */
export async function backlogPositions(tx: Tx, projectId: string, storyId: string, ranks: { from: string; to: string }) {
  const [row] = await tx
    .select({
      from: sql<number>`(count(*) filter (where ${stories.rank} < ${ranks.from}))::int`,
      to: sql<number>`(count(*) filter (where ${stories.rank} < ${ranks.to}))::int`,
    })
    .from(stories)
    .innerJoin(statuses, eq(statuses.id, stories.statusId))
    .where(and(inBacklog(projectId), ne(stories.id, storyId)));
  return { from: (row?.from ?? 0) + 1, to: (row?.to ?? 0) + 1 };
}
