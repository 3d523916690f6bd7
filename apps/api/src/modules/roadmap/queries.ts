import { and, asc, count, eq, isNotNull, isNull } from 'drizzle-orm';
import { feedback, sprints, statuses, stories, type Db } from '@ordo/db';
import type { RoadmapInput, RoadmapSprint, RoadmapStory } from '@ordo/domain';
import { listEpics } from '../epics/queries';

/** The project's live stories with only what the forecast needs: one query, no story bodies. */
async function roadmapStories(db: Db, projectId: string): Promise<RoadmapStory[]> {
  const rows = await db
    .select({
      id: stories.id,
      epicId: stories.epicId,
      points: stories.points,
      rank: stories.rank,
      sprintId: stories.sprintId,
      category: statuses.category,
    })
    .from(stories)
    .innerJoin(statuses, eq(statuses.id, stories.statusId))
    .where(and(eq(stories.projectId, projectId), isNull(stories.deletedAt)));
  return rows.map(({ category, ...story }) => ({ ...story, done: category === 'done' }));
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

async function feedbackCounts(db: Db, projectId: string) {
  const rows = await db
    .select({ epicId: feedback.epicId, n: count() })
    .from(feedback)
    .where(and(eq(feedback.projectId, projectId), isNotNull(feedback.epicId)))
    .groupBy(feedback.epicId);
  return new Map(rows.map((r) => [r.epicId ?? '', r.n]));
}

/** Everything the roadmap is derived from, in four queries whatever the backlog size. */
export async function loadRoadmapInput(
  db: Db,
  project: { id: string; plannedVelocity: number | null },
  today: string,
): Promise<RoadmapInput> {
  const [epics, stories, sprints, counts] = await Promise.all([
    listEpics(db, project.id),
    roadmapStories(db, project.id),
    roadmapSprints(db, project.id),
    feedbackCounts(db, project.id),
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
