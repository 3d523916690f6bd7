import { and, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { statuses, stories, type Db } from '@ordo/db';
import type { BacklogFilter } from '@ordo/domain';
import { notDeleted, storyColumnsList, storyFromList, type StoryRow } from '../stories/queries';
import { matchesText } from '../../lib/text-match';
import { summaryColumns, type SummaryRow } from './summary';

/** The product backlog: stories in no sprint, not done, not deleted. */
function inBacklog(projectId: string): SQL {
  return and(
    eq(stories.projectId, projectId),
    isNull(stories.sprintId),
    notDeleted(),
    ne(statuses.category, 'done'),
  )!;
}

function filters(filter: BacklogFilter, projectKey: string): SQL[] {
  const where: SQL[] = [];
  if (filter.q) where.push(matchesText(filter.q, projectKey));
  if (filter.label) where.push(sql`${filter.label} = any(${stories.labels})`);
  if (filter.epic) where.push(eq(stories.epicId, filter.epic));
  if (filter.assignee) where.push(eq(stories.assigneeId, filter.assignee));
  if (filter.type) where.push(eq(stories.type, filter.type));
  return where;
}

/** The backlog's rows in rank order, in one hand-written select of `columns` (see `storyColumnsList`). */
async function selectBacklog(
  db: Db,
  columns: SQL,
  projectId: string,
  filter: BacklogFilter,
  projectKey: string,
): Promise<Record<string, unknown>[]> {
  const result = await db.execute(sql`select ${columns} from ${stories}
    join ${statuses} on ${statuses.projectId} = ${stories.projectId} and ${statuses.id} = ${stories.statusId}
    where ${and(inBacklog(projectId), ...filters(filter, projectKey))}
    order by ${stories.rank}`);
  return (result as { rows: Record<string, unknown>[] }).rows;
}

export async function listBacklog(
  db: Db,
  projectId: string,
  filter: BacklogFilter,
  projectKey: string,
): Promise<StoryRow[]> {
  const rows = await selectBacklog(db, storyColumnsList, projectId, filter, projectKey);
  return rows.map((row) => storyFromList(row));
}

/** The same rows without their long texts, acceptance criteria counted (`?view=summary`). */
export async function listBacklogSummary(
  db: Db,
  projectId: string,
  filter: BacklogFilter,
  projectKey: string,
): Promise<SummaryRow[]> {
  const rows = await selectBacklog(db, summaryColumns, projectId, filter, projectKey);
  return rows.map((row) => storyFromList<SummaryRow>(row));
}
