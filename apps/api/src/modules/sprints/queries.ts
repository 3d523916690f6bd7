import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { sprints, stories, type Db, type Tx } from '@ordo/db';
import { capacity, isReady, notFound, sumPoints, type Sprint, type SprintState } from '@ordo/domain';
import { toStory } from '../stories/queries';

export type SprintRow = typeof sprints.$inferSelect;

export const toSprint = (row: SprintRow): Sprint => ({
  id: row.id,
  name: row.name,
  goal: row.goal,
  startDate: row.startDate,
  endDate: row.endDate,
  state: row.state,
  committedPoints: row.committedPoints,
  completedPoints: row.completedPoints,
  reviewNotes: row.reviewNotes,
  startedAt: row.startedAt?.toISOString() ?? null,
  completedAt: row.completedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

const ofProject = (projectId: string, ...where: SQL[]) => and(eq(sprints.projectId, projectId), ...where);

/** A sprint of this project; an id of another project's sprint is simply not found. */
export async function findSprint(db: Db | Tx, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(sprints)
    .where(ofProject(projectId, eq(sprints.id, id)));
  return row;
}

export async function loadSprint(db: Db | Tx, projectId: string, id: string) {
  const row = await findSprint(db, projectId, id);
  if (!row) throw notFound('Sprint');
  return row;
}

export async function findActiveSprint(db: Db | Tx, projectId: string) {
  const [row] = await db
    .select()
    .from(sprints)
    .where(ofProject(projectId, eq(sprints.state, 'active')));
  return row;
}

/** Running first, then the planned ones in the order they were created, then the closed ones newest first. */
export async function listSprints(db: Db, projectId: string, state?: SprintState) {
  const rows = await db
    .select()
    .from(sprints)
    .where(ofProject(projectId, ...(state ? [eq(sprints.state, state)] : [])))
    .orderBy(
      sql`case ${sprints.state} when 'active' then 0 when 'planned' then 1 else 2 end`,
      desc(sprints.completedAt),
      asc(sprints.createdAt),
    );
  return rows.map(toSprint);
}

export async function closedSprints(db: Db | Tx, projectId: string) {
  const rows = await db
    .select()
    .from(sprints)
    .where(ofProject(projectId, eq(sprints.state, 'closed')));
  return rows.map(toSprint);
}

/** The live stories of a sprint in rank order (the PO's priority). */
export async function storiesInSprint(db: Db | Tx, projectId: string, sprintId: string) {
  return db
    .select()
    .from(stories)
    .where(and(eq(stories.projectId, projectId), eq(stories.sprintId, sprintId), isNull(stories.deletedAt)))
    .orderBy(asc(stories.rank));
}

/** What the planning view shows: the sprint, its stories with their readiness, its points and the capacity. */
export async function sprintDetail(db: Db | Tx, project: { id: string; key: string }, row: SprintRow) {
  const rows = await storiesInSprint(db, project.id, row.id);
  const items = rows.map((r) => ({ ...toStory(r, project.key), ready: isReady(r) }));
  return {
    sprint: toSprint(row),
    stories: items,
    plannedPoints: sumPoints(items),
    capacity: capacity(await closedSprints(db, project.id)),
  };
}
