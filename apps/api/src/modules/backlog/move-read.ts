import { and, eq, sql, type SQL } from 'drizzle-orm';
import { stories, type Tx } from '@ordo/db';
import { storyNumber } from '@ordo/domain';
import type { PlacementLookup } from '../../lib/placement';
import type { RankMove } from './service';

const NONE = sql`null::text`;

/** The rank of the story numbered `number`, or null; `none` when the key names no story of the project. */
const anchorRank = (projectId: string, number: number | null): SQL =>
  number === null
    ? NONE
    : sql`(select a.rank from stories a where a.project_id = ${projectId} and a.number = ${number})`;

/** The rank next to `anchor` on one side, skipping the story being moved (an index seek on (project, rank)). */
const neighbourOf = (projectId: string, anchor: SQL, side: 'before' | 'after'): SQL =>
  side === 'before'
    ? sql`(select n.rank from stories n where n.project_id = ${projectId} and n.id <> "stories"."id" and n.rank < ${anchor} order by n.rank desc limit 1)`
    : sql`(select n.rank from stories n where n.project_id = ${projectId} and n.id <> "stories"."id" and n.rank > ${anchor} order by n.rank asc limit 1)`;

/**
 * Whether the moving story has a `blocks` link to or from a story of another team (two index seeks): only
 * then can the move make a dependency conflict, and the check after the move looks.
 */
const blocksAcrossTeams = (projectId: string): SQL => sql`exists (
  select 1 from story_links l where l.type = 'blocks' and (
    (l.project_id = ${projectId} and l.from_story_id = "stories"."id" and l.to_project_id <> ${projectId})
    or (l.to_project_id = ${projectId} and l.to_story_id = "stories"."id" and l.project_id <> ${projectId})))`;

/**
 * Everything a rank move reads, in one round trip under the project lock: the moving story, the ranks of
 * the anchors it names and each anchor's neighbour, and whether it blocks or waits for another team's
 * story. Returns the story row (undefined when unknown), that answer, and a placement lookup answering from
 * what was read.
 */
export async function readMove(tx: Tx, project: { id: string; key: string }, move: RankMove) {
  const number = storyNumber(project.key, move.story);
  if (number === null) return { row: undefined };
  const before = move.before === undefined ? undefined : storyNumber(project.key, move.before);
  const after = move.after === undefined ? undefined : storyNumber(project.key, move.after);
  const beforeRank = before === undefined ? NONE : anchorRank(project.id, before);
  const afterRank = after === undefined ? NONE : anchorRank(project.id, after);
  const [read] = await tx
    .select({
      row: stories,
      before: sql<string | null>`${beforeRank}`,
      beforeNeighbour: sql<
        string | null
      >`${before === undefined ? NONE : neighbourOf(project.id, beforeRank, 'before')}`,
      after: sql<string | null>`${afterRank}`,
      afterNeighbour: sql<
        string | null
      >`${after === undefined ? NONE : neighbourOf(project.id, afterRank, 'after')}`,
      blocksAcrossTeams: sql<boolean>`${blocksAcrossTeams(project.id)}`,
    })
    .from(stories)
    .where(and(eq(stories.projectId, project.id), eq(stories.number, number)));
  if (!read) return { row: undefined };
  const lookup: PlacementLookup<string> = {
    what: 'a story of this project',
    rankOf: async (key) => (key === move.before ? read.before : read.after) ?? undefined,
    neighbour: async (_anchor, side) => (side === 'before' ? read.beforeNeighbour : read.afterNeighbour),
  };
  return { row: read.row, blocksAcrossTeams: read.blocksAcrossTeams, lookup };
}
