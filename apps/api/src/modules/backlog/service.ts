import { eq } from 'drizzle-orm';
import { stories, type Db } from '@ordo/db';
import { conflict } from '@ordo/domain';
import { placeRank } from '../../lib/placement';
import { writeInProject } from '../events/log';
import { neighbourRank } from '../../lib/ranked-rows';
import { findStory, loadStory, toStory } from '../stories/queries';
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
    const rank = await placeRank(move, {
      what: 'a story of this project',
      rankOf: async (key) => (await findStory(tx, scope.project, key))?.rank,
      neighbour: (anchor, side) => neighbourRank(tx, stories, { projectId: scope.project.id, movingId: row.id }, anchor, side),
    });
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
