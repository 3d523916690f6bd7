import { and, asc, count, eq, lt } from 'drizzle-orm';
import { epics, projects, stories, type Db, type Tx } from '@ordo/db';
import { notFound, type Epic } from '@ordo/domain';

export type EpicRow = typeof epics.$inferSelect;

export const toEpic = (row: EpicRow): Epic => ({
  id: row.id,
  title: row.title,
  outcome: row.outcome,
  color: row.color,
  startDate: row.startDate,
  targetDate: row.targetDate,
  status: row.status,
  rank: row.rank,
  createdAt: row.createdAt.toISOString(),
});

/** The product's epics in roadmap order. */
export async function listEpics(db: Db | Tx, productId: string) {
  const rows = await db.select().from(epics).where(eq(epics.productId, productId)).orderBy(asc(epics.rank));
  return rows.map(toEpic);
}

/** An epic of this product; an id of another product's epic is simply not found. */
export async function findEpic(db: Db | Tx, productId: string, id: string) {
  const [row] = await db
    .select()
    .from(epics)
    .where(and(eq(epics.productId, productId), eq(epics.id, id)));
  return row;
}

export async function loadEpic(db: Db | Tx, productId: string, id: string) {
  const row = await findEpic(db, productId, id);
  if (!row) throw notFound('Epic');
  return row;
}

/** 1-based place of a rank on the roadmap ("moved from #4 to #1"), for the history. */
export async function roadmapPosition(tx: Tx, productId: string, rank: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(epics)
    .where(and(eq(epics.productId, productId), lt(epics.rank, rank)));
  return (row?.n ?? 0) + 1;
}

/** The teams of the product holding stories of the epic (deleted stories too: they keep their epic). */
export async function teamsUsingEpic(tx: Tx, productId: string, epicId: string) {
  return tx
    .selectDistinct({ id: projects.id, key: projects.key })
    .from(stories)
    .innerJoin(projects, eq(projects.id, stories.projectId))
    .where(and(eq(projects.productId, productId), eq(stories.epicId, epicId)))
    .orderBy(asc(projects.key));
}
