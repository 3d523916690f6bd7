import { and, eq } from 'drizzle-orm';
import { epics, type Db } from '@ordo/db';
import type { RoadmapRank } from '@ordo/domain';
import { placeRank } from '../../lib/placement';
import { writeInProduct } from '../events/log';
import { neighbourRank } from '../../lib/ranked-rows';
import { findEpic, loadEpic, roadmapPosition, toEpic } from '../epics/queries';
import type { ProductWriteScope } from '../../lib/scope';

/** A story shows its dependency conflicts: the stories module asks the roadmap through this. */
export { markConflicts } from './conflicts';

/**
 * Puts an epic just before `before` or just after `after` on the roadmap: one epic row written. The
 * product lock of `writeInProduct` serialises concurrent moves, whichever teams they come through.
 */
export async function rankEpic(db: Db, scope: ProductWriteScope, move: RoadmapRank) {
  return writeInProduct(db, scope, async (tx, log) => {
    const row = await loadEpic(tx, scope.productId, move.epic);
    const rank = await placeRank(move, {
      what: 'an epic of this product',
      rankOf: async (id) => (await findEpic(tx, scope.productId, id))?.rank,
      neighbour: (anchor, side) =>
        neighbourRank(tx, epics, { scopeId: scope.productId, movingId: row.id }, anchor, side),
    });
    const fromPosition = await roadmapPosition(tx, scope.productId, row.rank);
    const [saved] = await tx
      .update(epics)
      .set({ rank })
      .where(and(eq(epics.productId, row.productId), eq(epics.id, row.id)))
      .returning();
    const epic = toEpic(saved!);
    const toPosition = await roadmapPosition(tx, scope.productId, rank);
    log.append('roadmap.ranked', {
      epic,
      from: { rank: row.rank, position: fromPosition },
      to: { position: toPosition },
    });
    return epic;
  });
}
