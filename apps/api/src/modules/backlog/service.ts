import { eq } from 'drizzle-orm';
import { stories, type Db, type Tx } from '@ordo/db';
import { conflict, invalid, rankBetween, rankForMove } from '@ordo/domain';
import { writeInProject } from '../events/log';
import { findStory, loadStory, neighbourRank, toStory } from '../stories/queries';
import type { StoryScope } from '../stories/service';
import { backlogPositions } from './queries';

export interface RankMove {
  story: string;
  before?: string | undefined;
  after?: string | undefined;
}

/**
 * Puts a story just before `before` or just after `after` by giving it a rank between the anchor and the
 * anchor's neighbour: one story row written, whatever the backlog size. The project lock of
 * `writeInProject` serialises concurrent moves, so two moves to the same spot get distinct ranks.
 */
export async function rankStory(db: Db, scope: StoryScope, move: RankMove) {
  return writeInProject(db, { projectId: scope.project.id, actor: scope.actor }, async (tx, log) => {
    const row = await loadStory(tx, scope.project, move.story);
    if (row.deletedAt) throw conflict(`${move.story} is deleted; restore it first`);
    const rank = await newRank(tx, scope, move, row.id);
    const [saved] = await tx
      .update(stories)
      .set({ rank, version: row.version + 1, updatedAt: new Date() })
      .where(eq(stories.id, row.id))
      .returning();
    const story = toStory(saved!, scope.project.key);
    const positions = await backlogPositions(tx, scope.project.id, row.id, { from: row.rank, to: rank });
    log.append(
      'story.ranked',
      { story, from: { rank: row.rank, position: positions.from }, to: { rank, position: positions.to } },
      { storyId: row.id },
    );
    return story;
  });
}

async function newRank(tx: Tx, scope: StoryScope, move: RankMove, movingId: string) {
  const before = move.before ? await anchor(tx, scope, move.before, 'before') : undefined;
  const after = move.after ? await anchor(tx, scope, move.after, 'after') : undefined;
  if (before && after) {
    if (after.rank >= before.rank) throw invalid('after', 'must come before `before` in the backlog');
    return rankBetween(after.rank, before.rank);
  }
  const [placement, target] = before ? (['before', before] as const) : (['after', after!] as const);
  return rankForMove(placement, target.rank, await neighbourRank(tx, scope.project.id, target.rank, placement, movingId));
}

async function anchor(tx: Tx, scope: StoryScope, key: string, field: 'before' | 'after') {
  const row = await findStory(tx, scope.project, key);
  if (!row) throw invalid(field, `${key} is not a story of this project`);
  return row;
}
