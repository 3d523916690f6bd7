import { and, asc, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { feedback, sprints, statuses, stories, storyLinks, type Db } from '@ordo/db';
import {
  formatStoryKey,
  isDoneCategory,
  type BlocksLink,
  type RoadmapInput,
  type RoadmapSprint,
  type TeamInput,
  type TeamStory,
} from '@ordo/domain';
import { listEpics } from '../epics/queries';

/** The project's live stories with only what the forecast needs: one query, no story bodies. */
async function roadmapStories(db: Db, project: { id: string; key: string }): Promise<TeamStory[]> {
  const rows = await db
    .select({
      id: stories.id,
      number: stories.number,
      epicId: stories.epicId,
      points: stories.points,
      rank: stories.rank,
      sprintId: stories.sprintId,
      category: statuses.category,
    })
    .from(stories)
    .innerJoin(statuses, eq(statuses.id, stories.statusId))
    .where(and(eq(stories.projectId, project.id), isNull(stories.deletedAt)));
  return rows.map(({ category, number, ...story }) => ({
    ...story,
    key: formatStoryKey(project.key, number),
    done: isDoneCategory(category),
  }));
}

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

/** Everything the roadmap is derived from, in four queries whatever the backlog size. */
export async function loadRoadmapInput(
  db: Db,
  project: { id: string; key: string; productId: string; plannedVelocity: number | null },
  today: string,
): Promise<RoadmapInput> {
  const [epics, stories, sprints, counts] = await Promise.all([
    listEpics(db, project.productId),
    roadmapStories(db, project),
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
  const [teamStories, teamSprints] = await Promise.all([
    roadmapStories(db, team),
    roadmapSprints(db, team.id),
  ]);
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
export async function blocksLinks(db: Db, projectIds: readonly string[]): Promise<BlocksLink[]> {
  if (projectIds.length === 0) return [];
  return db
    .select({ blocker: storyLinks.fromStoryId, blocked: storyLinks.toStoryId })
    .from(storyLinks)
    .where(and(eq(storyLinks.type, 'blocks'), inArray(storyLinks.projectId, [...projectIds])));
}
