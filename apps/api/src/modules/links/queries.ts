import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { members, projects, statuses, stories, storyLinks, type Db, type Tx } from '@ordo/db';
import { formatStoryKey, type StoryLink } from '@ordo/domain';

/**
 * The links of a story in both directions, as `reader` sees them: the other story's title (and whether it
 * is done) only when the reader is a member of its project; otherwise just its key.
 */
export async function listLinks(
  db: Db | Tx,
  storyId: string,
  readerId: string,
): Promise<Omit<StoryLink, 'conflict'>[]> {
  const side = async (direction: 'outward' | 'inward') => {
    const [mine, other] =
      direction === 'outward'
        ? [storyLinks.fromStoryId, storyLinks.toStoryId]
        : [storyLinks.toStoryId, storyLinks.fromStoryId];
    const rows = await db
      .select({
        id: storyLinks.id,
        type: storyLinks.type,
        createdAt: storyLinks.createdAt,
        number: stories.number,
        title: stories.title,
        projectKey: projects.key,
        done: sql<boolean>`${statuses.category} = 'done'`,
        visible: sql<boolean>`${members.userId} is not null`,
      })
      .from(storyLinks)
      .innerJoin(stories, and(eq(stories.id, other), isNull(stories.deletedAt)))
      .innerJoin(projects, eq(projects.id, stories.projectId))
      .innerJoin(statuses, eq(statuses.id, stories.statusId))
      .leftJoin(members, and(eq(members.projectId, stories.projectId), eq(members.userId, readerId)))
      .where(eq(mine, storyId));
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      direction,
      createdAt: row.createdAt.getTime(),
      story: {
        key: formatStoryKey(row.projectKey, row.number),
        title: row.visible ? row.title : null,
        projectKey: row.projectKey,
        done: row.visible && row.done,
      },
    }));
  };
  const all = [...(await side('outward')), ...(await side('inward'))].sort(
    (a, b) => a.createdAt - b.createdAt,
  );
  return all.map(({ createdAt: _, ...link }) => link);
}

/** Whether `from` already blocks, directly or through other stories, `to`: a new `to → from` would close a loop. */
export async function blocksTransitively(tx: Tx, from: string, to: string) {
  const result = await tx.execute(sql`
    with recursive reach(id) as (
      select ${from}::uuid
      union
      select l.to_story_id from story_links l join reach r on l.from_story_id = r.id where l.type = 'blocks'
    )
    select 1 as found from reach where id = ${to}::uuid limit 1`);
  return (result as { rows: unknown[] }).rows.length > 0;
}

/**
 * For each of `storyIds` blocked by a story not done (nor deleted), the keys of those blockers: the warning
 * a card shows. Read through the `story_links_to` index, so it costs by the number of cards, not the project.
 */
export async function openBlockers(db: Db | Tx, storyIds: readonly string[]): Promise<Map<string, string[]>> {
  if (storyIds.length === 0) return new Map();
  const blocker = alias(stories, 'blocker');
  const rows = await db
    .select({ storyId: storyLinks.toStoryId, projectKey: projects.key, number: blocker.number })
    .from(storyLinks)
    .innerJoin(blocker, and(eq(blocker.id, storyLinks.fromStoryId), isNull(blocker.deletedAt)))
    .innerJoin(statuses, and(eq(statuses.id, blocker.statusId), ne(statuses.category, 'done')))
    .innerJoin(projects, eq(projects.id, blocker.projectId))
    .where(and(inArray(storyLinks.toStoryId, [...storyIds]), eq(storyLinks.type, 'blocks')))
    .orderBy(asc(projects.key), asc(blocker.number));
  const blockers = new Map<string, string[]>();
  for (const row of rows)
    blockers.set(row.storyId, [
      ...(blockers.get(row.storyId) ?? []),
      formatStoryKey(row.projectKey, row.number),
    ]);
  return blockers;
}
