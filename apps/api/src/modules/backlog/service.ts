import type { Db } from '@ordo/db';
import { conflict, notFound } from '@ordo/domain';
import { placeRank } from '../../lib/placement';
import { writeInProject } from '../events/log';
import type { WriteScope } from '../../lib/scope';
import { writeStoryWithEvents } from '../stories/service';
import { readMove } from './move-read';

export interface RankMove {
  story: string;
  before?: string | undefined;
  after?: string | undefined;
}

/**
 * Puts a story just before `before` or just after `after` by giving it a rank between the anchor and the
 * anchor's neighbour: one story row written, whatever the backlog size. The project lock of
 * `writeInProject` serialises concurrent moves, so two moves to the same spot get distinct ranks.
 * Under the lock: one read (story, anchors, neighbours), then the row and the event in one statement. The
 * backlog positions the history shows ("moved from #14 to #2") are counted when the history is read
 * (`positions.ts`), not here: counting the backlog under the lock made every move, and every waiting mover,
 * cost O(backlog).
 */
export async function rankStory(db: Db, scope: WriteScope, move: RankMove) {
  return writeInProject(db, scope, async (tx, log) => {
    const { row, lookup, blocksAcrossTeams } = await readMove(tx, scope.project, move);
    if (!row || !lookup) throw notFound(`Story ${move.story}`);
    if (row.deletedAt) throw conflict(`${move.story} is deleted; restore it first`);
    const rank = await placeRank(move, lookup);
    const extra = { from: { rank: row.rank }, to: { rank } };
    // The row goes out with the event, in one statement at the end (nothing reads it back here).
    return writeStoryWithEvents(tx, log, scope.project, row, {
      changes: { rank },
      type: 'story.ranked',
      extra,
      about: { blocksAcrossTeams },
    }).story;
  });
}
