import { and, eq, getTableColumns, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { statuses, stories, type Db } from '@ordo/db';
import type { BacklogFilter } from '@ordo/domain';
import { notDeleted, type StoryRow } from '../stories/queries';
import { matchesText } from '../../lib/text-match';

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

/**
 * Every column of a story row, by its property name, timestamps as epoch milliseconds: `new Date(ms)` is
 * far cheaper than parsing PostgreSQL's text form, which is most of what the ORM's row mapping costs on a
 * 50,000-story backlog. Built from the table definition, so a new column is listed without a change here.
 */
const LIST_COLUMNS = Object.entries(getTableColumns(stories));
const TIMESTAMPS = new Set(
  LIST_COLUMNS.filter(([, c]) => c.columnType === 'PgTimestamp').map(([name]) => name),
);
const selectList = sql.join(
  LIST_COLUMNS.map(([name, column]) =>
    TIMESTAMPS.has(name)
      ? sql`floor(extract(epoch from ${column}) * 1000)::float8 as ${sql.identifier(name)}`
      : sql`${column} as ${sql.identifier(name)}`,
  ),
  sql`, `,
);

/** Both drivers already hand back JSON, arrays, numbers and booleans as such: only the times need work. */
function toRow(raw: Record<string, unknown>): StoryRow {
  for (const name of TIMESTAMPS) if (raw[name] !== null) raw[name] = new Date(raw[name] as number);
  return raw as StoryRow;
}

/** The backlog's rows in rank order, in one hand-written select (see `selectList`). */
export async function listBacklog(
  db: Db,
  projectId: string,
  filter: BacklogFilter,
  projectKey: string,
): Promise<StoryRow[]> {
  const result = await db.execute(sql`select ${selectList} from ${stories}
    join ${statuses} on ${statuses.id} = ${stories.statusId}
    where ${and(inBacklog(projectId), ...filters(filter, projectKey))}
    order by ${stories.rank}`);
  return (result as { rows: Record<string, unknown>[] }).rows.map(toRow);
}
