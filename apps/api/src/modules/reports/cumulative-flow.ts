import { and, asc, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { events, type Db } from '@ordo/db';
import { addDays, cumulativeFlow, flowRange, type StorySnapshot } from '@ordo/domain';
import { listStatuses } from '../projects/queries';

/**
 * Stories per status at the end of each day, replayed from the story snapshots of the event log up to the
 * range's last day: only the three fields the chart needs are read from each event.
 */
export async function cumulativeFlowOf(
  db: Db,
  projectId: string,
  query: { from?: string | undefined; to?: string | undefined },
  today: string,
) {
  const range = flowRange(query, today);
  const rows = await db
    .select({
      at: events.at,
      storyId: events.storyId,
      statusId: sql<string>`${events.data}->'story'->>'statusId'`,
      deleted: sql<boolean>`coalesce((${events.data}->'story'->>'deleted')::boolean, false)`,
    })
    .from(events)
    .where(
      and(
        eq(events.projectId, projectId),
        isNotNull(events.storyId),
        sql`${events.data}->'story'->>'statusId' is not null`,
        lt(events.at, new Date(`${addDays(range.to, 1)}T00:00:00Z`)),
      ),
    )
    .orderBy(asc(events.seq));
  const snapshots: StorySnapshot[] = rows.map((r) => ({
    at: r.at.toISOString(),
    storyId: r.storyId!,
    statusId: r.statusId,
    deleted: r.deleted,
  }));
  const statuses = await listStatuses(db, projectId);
  return {
    days: cumulativeFlow(
      snapshots,
      range,
      statuses.map((s) => s.id),
    ),
    statuses: statuses.map(({ id, name, category }) => ({ id, name, category })),
  };
}
