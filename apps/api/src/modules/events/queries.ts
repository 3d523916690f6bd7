import { and, asc, desc, eq, gt, like, lt } from 'drizzle-orm';
import { events, projects, type Db } from '@ordo/db';
import type { ActivityQuery, ProjectEvent } from '@ordo/domain';

export const toEvent = (row: typeof events.$inferSelect): ProjectEvent => ({
  seq: row.seq,
  type: row.type,
  actor: { id: row.actorId, name: row.actorName },
  at: row.at.toISOString(),
  data: row.data,
});

/** The events after `since`, oldest first, at most `limit`. */
export async function readEvents(db: Db, projectId: string, since: number, limit: number) {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.projectId, projectId), gt(events.seq, since)))
    .orderBy(asc(events.seq))
    .limit(limit);
  return rows.map(toEvent);
}

/** A page of the activity feed, newest first: one row more than asked tells whether an older page exists. */
export async function readActivity(db: Db, projectId: string, { actor, kind, before, limit }: ActivityQuery) {
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.projectId, projectId),
        before === undefined ? undefined : lt(events.seq, before),
        actor === undefined ? undefined : eq(events.actorId, actor),
        kind === undefined ? undefined : like(events.type, `${kind}.%`),
      ),
    )
    .orderBy(desc(events.seq))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(toEvent);
  return { items, nextBefore: rows.length > limit ? (items.at(-1)?.seq ?? null) : null };
}

export async function lastSeqOf(db: Db, projectId: string) {
  const [row] = await db
    .select({ lastSeq: projects.lastSeq })
    .from(projects)
    .where(eq(projects.id, projectId));
  return row?.lastSeq ?? 0;
}

export async function storyHistory(db: Db, projectId: string, storyId: string) {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.projectId, projectId), eq(events.storyId, storyId)))
    .orderBy(asc(events.seq));
  return rows.map(toEvent);
}
