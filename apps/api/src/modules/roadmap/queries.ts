import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { feedback, projects, type Db } from '@ordo/db';
import type { RoadmapInput } from '@ordo/domain';
import { forecastSprints, forecastStories } from '../../lib/team-forecast';
import { listEpics } from '../epics/queries';

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
    forecastStories(db, project),
    forecastSprints(db, project.id),
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
