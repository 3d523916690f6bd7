import { and, count, eq, inArray } from 'drizzle-orm';
import { events, stories, type Db, type Tx } from '@ordo/db';
import { statusCategories } from '../../lib/status-categories';
import { EVENT_SCHEMAS, type StatusCategory } from '@ordo/domain';

/**
 * The categories of every status the project ever had: the reports replay old story snapshots, which may
 * name a status removed since (its `workflow.updated` event remembers it).
 */
export async function statusCategoriesEver(db: Db, projectId: string): Promise<Map<string, StatusCategory>> {
  const categories = await statusCategories(db, projectId);
  const edits = await db
    .select({ data: events.data })
    .from(events)
    .where(and(eq(events.projectId, projectId), eq(events.type, 'workflow.updated')));
  for (const { data } of edits) {
    for (const { status } of EVENT_SCHEMAS['workflow.updated'].safeParse(data).data?.removed ?? []) {
      if (!categories.has(status.id)) categories.set(status.id, status.category);
    }
  }
  return categories;
}

/** How many stories (deleted ones too: they keep their status) each of these statuses holds. */
export async function storyCounts(
  tx: Tx,
  projectId: string,
  statusIds: string[],
): Promise<Map<string, number>> {
  if (statusIds.length === 0) return new Map();
  const rows = await tx
    .select({ statusId: stories.statusId, n: count() })
    .from(stories)
    .where(and(eq(stories.projectId, projectId), inArray(stories.statusId, statusIds)))
    .groupBy(stories.statusId);
  return new Map(rows.map((r) => [r.statusId, r.n]));
}
