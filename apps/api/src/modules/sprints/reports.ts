import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { events, type Db } from '@ordo/db';
import { burndown, sprintReport, velocityReport } from '@ordo/domain';
import { toEvent } from '../events/queries';
import { statusCategoriesEver } from '../workflow/queries';
import { closedSprints, toSprint, type SprintRow } from './queries';

/**
 * The part of the log a sprint's reports replay: every event of every story that was ever in the sprint
 * (a story event's `data.story` says which sprint it was in), and the sprint's start and completion.
 */
async function sprintEvents(db: Db, projectId: string, sprintId: string) {
  const everInSprint = db
    .selectDistinct({ storyId: events.storyId })
    .from(events)
    .where(and(eq(events.projectId, projectId), sql`${events.data}->'story'->>'sprintId' = ${sprintId}`));
  const milestone = and(
    inArray(events.type, ['sprint.started', 'sprint.completed']),
    sql`${events.data}->'sprint'->>'id' = ${sprintId}`,
  );
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.projectId, projectId), or(inArray(events.storyId, everInSprint), milestone)))
    .orderBy(asc(events.seq));
  return rows.map(toEvent);
}

async function reportInput(db: Db, projectId: string, row: SprintRow) {
  const [log, categories] = await Promise.all([
    sprintEvents(db, projectId, row.id),
    statusCategoriesEver(db, projectId),
  ]);
  return { sprint: toSprint(row), events: log, categories };
}

export async function burndownOf(db: Db, projectId: string, row: SprintRow, today: string) {
  return burndown({ ...(await reportInput(db, projectId, row)), today });
}

export async function sprintReportOf(db: Db, projectId: string, row: SprintRow) {
  const input = await reportInput(db, projectId, row);
  return { sprint: input.sprint, ...sprintReport(input) };
}

export async function velocityOf(db: Db, projectId: string) {
  return velocityReport(await closedSprints(db, projectId));
}
