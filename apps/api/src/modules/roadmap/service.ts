import { eq } from 'drizzle-orm';
import { epics, type Db, type Tx } from '@ordo/db';
import { invalid, rankBetween, rankForMove, type RoadmapRank } from '@ordo/domain';
import { writeInProject } from '../events/log';
import { findEpic, loadEpic, neighbourEpicRank, roadmapPosition, toEpic } from '../epics/queries';
import { writeScope, type EpicScope } from '../epics/service';

/**
 * Puts an epic just before `before` or just after `after` on the roadmap: one epic row written. The
 * project lock of `writeInProject` serialises concurrent moves.
 */
export async function rankEpic(db: Db, scope: EpicScope, move: RoadmapRank) {
  return writeInProject(db, writeScope(scope), async (tx, log) => {
    const row = await loadEpic(tx, scope.project.id, move.epic);
    const rank = await newRank(tx, scope.project.id, move, row.id);
    const fromPosition = await roadmapPosition(tx, scope.project.id, row.rank);
    const [saved] = await tx.update(epics).set({ rank }).where(eq(epics.id, row.id)).returning();
    const epic = toEpic(saved!);
    const toPosition = await roadmapPosition(tx, scope.project.id, rank);
    log.append('roadmap.ranked', { epic, from: { rank: row.rank, position: fromPosition }, to: { position: toPosition } });
    return epic;
  });
}

async function newRank(tx: Tx, projectId: string, move: RoadmapRank, movingId: string) {
  const before = move.before ? await anchor(tx, projectId, move.before, 'before') : undefined;
  const after = move.after ? await anchor(tx, projectId, move.after, 'after') : undefined;
  if (before && after) {
    if (after.rank >= before.rank) throw invalid('after', 'must come before `before` on the roadmap');
    return rankBetween(after.rank, before.rank);
  }
  const [placement, target] = before ? (['before', before] as const) : (['after', after!] as const);
  return rankForMove(placement, target.rank, await neighbourEpicRank(tx, projectId, target.rank, placement, movingId));
}

async function anchor(tx: Tx, projectId: string, id: string, field: 'before' | 'after') {
  const row = await findEpic(tx, projectId, id);
  if (!row) throw invalid(field, 'is not an epic of this project');
  return row;
}
