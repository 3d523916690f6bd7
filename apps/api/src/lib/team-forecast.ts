import { and, asc, eq, inArray } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { projects, sprints, storyLinks, type Db, type Tx } from '@ordo/db';
import { readTeamStories, teamStories } from './team-stories';
import {
  dependencyConflicts,
  type BlocksLink,
  type RoadmapDependency,
  type RoadmapSprint,
  type TeamInput,
  type TeamStory,
} from '@ordo/domain';

// What the forecast of a team reads, shared by the roadmap (its pages) and the notifications (a dependency
// conflict that a change makes): here, so that neither imports the other. Every read takes a `Db` or the
// `Tx` of a write in progress (PGlite has one connection: a read through `db` inside a transaction waits
// for that transaction forever), so they run one after the other: a transaction's one connection takes
// one statement at a time (pg deprecates sending the next before the last answered).

export interface TeamProject {
  id: string;
  key: string;
  name: string;
  plannedVelocity: number | null;
}

const teamColumns = {
  id: projects.id,
  key: projects.key,
  name: projects.name,
  plannedVelocity: projects.plannedVelocity,
};

/** The teams of a product, in key order. */
export async function teamsOfProduct(db: Db | Tx, productId: string): Promise<TeamProject[]> {
  return db
    .select(teamColumns)
    .from(projects)
    .where(eq(projects.productId, productId))
    .orderBy(asc(projects.key));
}

/** The teams of the product `projectId` is a team of (the project itself included), in key order. */
export async function teamsOfProductOf(db: Db | Tx, projectId: string): Promise<TeamProject[]> {
  const [row] = await db
    .select({ productId: projects.productId })
    .from(projects)
    .where(eq(projects.id, projectId));
  return row ? teamsOfProduct(db, row.productId) : [];
}

/**
 * The project's live stories with only what the forecast needs, in rank order: kept between reads and
 * patched from the log (`team-stories.ts`); inside a write, read afresh through its transaction.
 */
export function forecastStories(db: Db | Tx, project: { id: string; key: string }): Promise<TeamStory[]> {
  return db instanceof PgTransaction ? readTeamStories(db, project) : teamStories(db, project);
}

export async function forecastSprints(db: Db | Tx, projectId: string): Promise<RoadmapSprint[]> {
  const rows = await db
    .select({
      id: sprints.id,
      state: sprints.state,
      startDate: sprints.startDate,
      endDate: sprints.endDate,
      committedPoints: sprints.committedPoints,
      completedPoints: sprints.completedPoints,
      completedAt: sprints.completedAt,
    })
    .from(sprints)
    .where(eq(sprints.projectId, projectId))
    .orderBy(asc(sprints.createdAt), asc(sprints.id));
  return rows.map((s) => ({ ...s, completedAt: s.completedAt?.toISOString() ?? null }));
}

/** One team's part of the product forecast: its stories and sprints, two queries. */
export async function loadTeamInput(db: Db | Tx, team: TeamProject): Promise<TeamInput> {
  const teamStories = await forecastStories(db, team);
  const teamSprints = await forecastSprints(db, team.id);
  return {
    key: team.key,
    name: team.name,
    seedKey: team.id,
    stories: teamStories,
    sprints: teamSprints,
    plannedVelocity: team.plannedVelocity,
  };
}

/** The `blocks` links whose blocker is a story of one of these projects (a link never leaves its product). */
export async function blocksLinks(db: Db | Tx, projectIds: readonly string[]): Promise<BlocksLink[]> {
  if (projectIds.length === 0) return [];
  return db
    .select({ blocker: storyLinks.fromStoryId, blocked: storyLinks.toStoryId })
    .from(storyLinks)
    .where(and(eq(storyLinks.type, 'blocks'), inArray(storyLinks.projectId, [...projectIds])));
}

/**
 * The dependency conflicts among the `teams` of one product, judged by the expected walk of every team (no
 * Monte Carlo) from each team's stories and sprints and the product's `blocks` links; keyed by
 * `blockerId>blockedId` (story ids).
 */
export async function productConflicts(
  db: Db | Tx,
  teams: readonly TeamProject[],
  today: string,
): Promise<Map<string, RoadmapDependency>> {
  const inputs: TeamInput[] = [];
  for (const team of teams) inputs.push(await loadTeamInput(db, team));
  const blocks = await blocksLinks(
    db,
    teams.map((t) => t.id),
  );
  const idOf = new Map(inputs.flatMap((team) => team.stories.map((story) => [story.key, story.id])));
  const conflicts = dependencyConflicts({
    today,
    epics: [],
    teams: inputs,
    blocks,
    feedbackCounts: new Map(),
  });
  return new Map(conflicts.map((c) => [`${idOf.get(c.story ?? '')}>${idOf.get(c.blocks ?? '')}`, c]));
}
