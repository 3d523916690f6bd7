import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { feedback, projects, sprints, storyLinks, type Db } from '@ordo/db';
import { type BlocksLink, type RoadmapInput, type RoadmapSprint, type TeamInput } from '@ordo/domain';
import { listEpics } from '../epics/queries';
import { teamStories } from './team-stories';

async function roadmapSprints(db: Db, projectId: string): Promise<RoadmapSprint[]> {
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

export async function feedbackCounts(db: Db, productId: string) {
  const rows = await db
    .select({ epicId: feedback.epicId, n: count() })
    .from(feedback)
    .where(and(eq(feedback.productId, productId), isNotNull(feedback.epicId)))
    .groupBy(feedback.epicId);
  return new Map(rows.map((r) => [r.epicId ?? '', r.n]));
}

/**
 * What a project's roadmap is derived from, as one string that changes whenever any of it does: every
 * write to the project's stories, sprints and workflow and to the product's epics and feedback goes through
 * `writeInProject` of a team of the product and bumps that team's seq; a team joining or leaving the
 * product changes the list. The planned velocity is read here too, and the roadmap is built with this one.
 */
export async function roadmapVersion(db: Db, project: { id: string; productId: string }, today: string) {
  const result = await db.execute(sql`select
      (select ${projects.plannedVelocity} from ${projects} where ${projects.id} = ${project.id}) as velocity,
      (select string_agg(${projects.id}::text || ':' || ${projects.lastSeq}, ',' order by ${projects.id})
        from ${projects} where ${projects.productId} = ${project.productId}) as seqs`);
  const [row] = (result as { rows: { velocity: number | null; seqs: string | null }[] }).rows;
  const plannedVelocity = row?.velocity ?? null;
  return { version: `${today}|${project.productId}|${plannedVelocity}|${row?.seqs}`, plannedVelocity };
}

/** Everything the roadmap is derived from, in four queries whatever the backlog size. */
export async function loadRoadmapInput(
  db: Db,
  project: { id: string; key: string; productId: string; plannedVelocity: number | null },
  today: string,
): Promise<RoadmapInput> {
  const [epics, stories, sprints, counts] = await Promise.all([
    listEpics(db, project.productId),
    teamStories(db, project),
    roadmapSprints(db, project.id),
    feedbackCounts(db, project.productId),
  ]);
  return {
    today,
    seedKey: project.id,
    epics,
    stories,
    sprints,
    plannedVelocity: project.plannedVelocity,
    feedbackCounts: counts,
  };
}

export interface TeamProject {
  id: string;
  key: string;
  name: string;
  plannedVelocity: number | null;
}

/** One team's part of the product forecast: its stories and sprints, two queries. */
export async function loadTeamInput(db: Db, team: TeamProject): Promise<TeamInput> {
  const [kept, teamSprints] = await Promise.all([teamStories(db, team), roadmapSprints(db, team.id)]);
  return {
    key: team.key,
    name: team.name,
    seedKey: team.id,
    stories: kept,
    sprints: teamSprints,
    plannedVelocity: team.plannedVelocity,
  };
}

/** The `blocks` links whose blocker is a story of one of these projects (a link never leaves its product). */
export async function blocksLinks(db: Db, projectIds: readonly string[]): Promise<BlocksLink[]> {
  if (projectIds.length === 0) return [];
  return db
    .select({ blocker: storyLinks.fromStoryId, blocked: storyLinks.toStoryId })
    .from(storyLinks)
    .where(and(eq(storyLinks.type, 'blocks'), inArray(storyLinks.projectId, [...projectIds])));
}
