import { and, asc, desc, eq, gt, lt, ne } from 'drizzle-orm';
import { epics, stories, type Tx } from '@ordo/db';

/** The lists ordered by a fractional rank: a project's backlog of stories and a product's roadmap of epics. */
type RankedTable = typeof stories | typeof epics;
/** The column a list is scoped by: ranks are unique per project (stories) or per product (epics). */
const scopeOf = (table: RankedTable) => ('projectId' in table ? table.projectId : table.productId);

/** The rank of the list's last row (deleted stories included). */
export async function lastRank(tx: Tx, table: RankedTable, scopeId: string) {
  const [row] = await tx
    .select({ rank: table.rank })
    .from(table)
    .where(eq(scopeOf(table), scopeId))
    .orderBy(desc(table.rank))
    .limit(1);
  return row?.rank ?? null;
}

/** The rank next to `rank` on one side, skipping the row being moved: an index seek on (scope, rank). */
export async function neighbourRank(
  tx: Tx,
  table: RankedTable,
  move: { scopeId: string; movingId: string },
  rank: string,
  side: 'before' | 'after',
) {
  const [row] = await tx
    .select({ rank: table.rank })
    .from(table)
    .where(
      and(
        eq(scopeOf(table), move.scopeId),
        ne(table.id, move.movingId),
        side === 'before' ? lt(table.rank, rank) : gt(table.rank, rank),
      ),
    )
    .orderBy(side === 'before' ? desc(table.rank) : asc(table.rank))
    .limit(1);
  return row?.rank ?? null;
}
