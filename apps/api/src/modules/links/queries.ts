import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { members, productMembers, projects, statuses, stories, storyLinks, type Db, type Tx } from '@ordo/db';
import { formatStoryKey, type StoryLink } from '@ordo/domain';
import { findStory } from '../stories/queries';

/**
 * The links of a story in both directions, as `reader` sees them: the other story's title (and whether it
 * is done) only when the reader is a member of its team or holds a role on its product; otherwise just its key.
 */
export async function listLinks(
  db: Db | Tx,
  story: { id: string; projectId: string },
  readerId: string,
): Promise<Omit<StoryLink, 'conflict'>[]> {
  const side = async (direction: 'outward' | 'inward') => {
    // A link is stored in the project it starts from: the story's own links there, those pointing at it in
    // the projects they start from (found by `to_project_id`, a read of every shard in a sharded deployment).
    const [mine, other] =
      direction === 'outward'
        ? [
            and(eq(storyLinks.projectId, story.projectId), eq(storyLinks.fromStoryId, story.id)),
            and(eq(stories.projectId, storyLinks.toProjectId), eq(stories.id, storyLinks.toStoryId)),
          ]
        : [
            and(eq(storyLinks.toProjectId, story.projectId), eq(storyLinks.toStoryId, story.id)),
            and(eq(stories.projectId, storyLinks.projectId), eq(stories.id, storyLinks.fromStoryId)),
          ];
    const rows = await db
      .select({
        id: storyLinks.id,
        type: storyLinks.type,
        createdAt: storyLinks.createdAt,
        number: stories.number,
        title: stories.title,
        projectKey: projects.key,
        done: sql<boolean>`${statuses.category} = 'done'`,
        visible: sql<boolean>`${members.userId} is not null or ${productMembers.userId} is not null`,
      })
      .from(storyLinks)
      .innerJoin(stories, and(other, isNull(stories.deletedAt)))
      .innerJoin(projects, eq(projects.id, stories.projectId))
      .innerJoin(statuses, and(eq(statuses.projectId, stories.projectId), eq(statuses.id, stories.statusId)))
      .leftJoin(members, and(eq(members.projectId, stories.projectId), eq(members.userId, readerId)))
      .leftJoin(
        productMembers,
        and(eq(productMembers.productId, projects.productId), eq(productMembers.userId, readerId)),
      )
      .where(mine);
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

/**
 * Whether `from` already blocks, directly or through other stories, `to`: a new `to → from` would close a
 * loop. The walk carries each story's project: a story's links are stored in its project.
 */
export async function blocksTransitively(
  tx: Tx,
  from: { id: string; projectId: string },
  to: { id: string },
) {
  const result = await tx.execute(sql`
    with recursive reach(project_id, id) as (
      select ${from.projectId}::uuid, ${from.id}::uuid
      union
      select l.to_project_id, l.to_story_id from story_links l
      join reach r on l.project_id = r.project_id and l.from_story_id = r.id
      where l.type = 'blocks'
    )
    select 1 as found from reach where id = ${to.id}::uuid limit 1`);
  return (result as { rows: unknown[] }).rows.length > 0;
}

/**
 * For each of `storyIds` blocked by a story not done (nor deleted), the keys of those blockers: the warning
 * a card shows. Read through the `story_links_to` index, so it costs by the number of cards, not the project.
 */
export async function openBlockers(
  db: Db | Tx,
  projectId: string,
  storyIds: readonly string[],
): Promise<Map<string, string[]>> {
  if (storyIds.length === 0) return new Map();
  const blocker = alias(stories, 'blocker');
  const rows = await db
    .select({ storyId: storyLinks.toStoryId, projectKey: projects.key, number: blocker.number })
    .from(storyLinks)
    .innerJoin(
      blocker,
      and(
        eq(blocker.projectId, storyLinks.projectId),
        eq(blocker.id, storyLinks.fromStoryId),
        isNull(blocker.deletedAt),
      ),
    )
    .innerJoin(
      statuses,
      and(
        eq(statuses.projectId, blocker.projectId),
        eq(statuses.id, blocker.statusId),
        ne(statuses.category, 'done'),
      ),
    )
    .innerJoin(projects, eq(projects.id, blocker.projectId))
    .where(
      and(
        eq(storyLinks.toProjectId, projectId),
        inArray(storyLinks.toStoryId, [...storyIds]),
        eq(storyLinks.type, 'blocks'),
      ),
    )
    .orderBy(asc(projects.key), asc(blocker.number));
  const blockers = new Map<string, string[]>();
  for (const row of rows)
    blockers.set(row.storyId, [
      ...(blockers.get(row.storyId) ?? []),
      formatStoryKey(row.projectKey, row.number),
    ]);
  return blockers;
}

export type Team = { id: string; key: string; productId: string };

/**
 * The story `key` of the project or of another team of its product (the team whose key prefixes it), with
 * its team; undefined when neither has it.
 */
export async function findTeamStory(tx: Tx, project: Team, key: string) {
  const own = await findStory(tx, project, key);
  if (own) return { story: own, team: project };
  const prefix = key.slice(0, key.lastIndexOf('-'));
  const [team] = await tx
    .select({ id: projects.id, key: projects.key, productId: projects.productId })
    .from(projects)
    .where(and(eq(projects.key, prefix), eq(projects.productId, project.productId)));
  const story = team && (await findStory(tx, team, key));
  return story ? { story, team } : undefined;
}

/** Whether the user may read the team's stories: a member of it, or holding a role on its product. */
export async function canRead(tx: Tx, userId: string, team: Team) {
  const [member] = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.projectId, team.id), eq(members.userId, userId)));
  if (member) return true;
  const [role] = await tx
    .select({ userId: productMembers.userId })
    .from(productMembers)
    .where(and(eq(productMembers.productId, team.productId), eq(productMembers.userId, userId)));
  return role !== undefined;
}
