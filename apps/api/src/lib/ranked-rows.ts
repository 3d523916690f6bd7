import { and, asc, desc, eq, gt, lt, ne } from 'drizzle-orm';
import { epics, stories, type Tx } from '@ordo/db';

/** The project lists ordered by a fractional rank: the backlog's stories and the roadmap's epics. */
type RankedTable = typeof stories | typeof epics;

/** The rank of the list's last row (ranks are unique per project, deleted stories included). */
export async function lastRank(tx: Tx, table: RankedTable, projectId: string) {
  const [row] = await tx
    .select({ rank: table.rank })
    .from(table)
    .where(eq(table.projectId, projectId))
    .orderBy(desc(table.rank))
    .limit(1);
  return row?.rank ?? null;
}

/** The rank next to `rank` on one side, skipping the row being moved: an index seek on (project, rank). */
export async function neighbourRank(
  tx: Tx,
  table: RankedTable,
  move: { projectId: string; movingId: string },
  rank: string,
  side: 'before' | 'after',
) {
  const [row] = await tx
    .select({ rank: table.rank })
    .from(table)
    .where(
      and(
        eq(table.projectId, move.projectId),
        ne(table.id, move.movingId),
        side === 'before' ? lt(table.rank, rank) : gt(table.rank, rank),
      ),
    )
    .orderBy(side === 'before' ? desc(table.rank) : asc(table.rank))
    .limit(1);
  return row?.rank ?? null;
}
