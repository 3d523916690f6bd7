import { and, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import { stories, type Db, type Tx } from '@ordo/db';
import { formatStoryKey, notFound, storyNumber, type Story } from '@ordo/domain';

export type StoryRow = typeof stories.$inferSelect;

export const toStory = (row: StoryRow, projectKey: string): Story => ({
  id: row.id,
  key: formatStoryKey(projectKey, row.number),
  number: row.number,
  type: row.type,
  title: row.title,
  description: row.description,
  persona: row.persona,
  goal: row.goal,
  benefit: row.benefit,
  acceptanceCriteria: row.acceptanceCriteria,
  points: row.points,
  labels: row.labels,
  epicId: row.epicId,
  sprintId: row.sprintId,
  statusId: row.statusId,
  assigneeId: row.assigneeId,
  dueDate: row.dueDate,
  accepted: row.accepted,
  rank: row.rank,
  version: row.version,
  deleted: row.deletedAt !== null,
  spilledFrom: row.spilledFrom,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  subtasks: { done: row.subtasksDone, total: row.subtasksTotal },
  externalKey: row.externalKey,
  resolution: row.resolution,
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
  assigneeName: row.assigneeName,
  reporterName: row.reporterName,
});

/**
 * A story of this project by its key (`SHOP-42`), or by the Jira key it was imported from (`MESOS-313`);
 * a key of another project is simply not found.
 */
export async function findStory(db: Db | Tx, project: { id: string; key: string }, key: string) {
  const number = storyNumber(project.key, key);
  if (number !== null) {
    const [row] = await db
      .select()
      .from(stories)
      .where(and(eq(stories.projectId, project.id), eq(stories.number, number)));
    if (row) return row;
  }
  const [imported] = await db
    .select()
    .from(stories)
    .where(and(eq(stories.projectId, project.id), eq(stories.externalKey, key)));
  return imported;
}

export async function loadStory(db: Db | Tx, project: { id: string; key: string }, key: string) {
  const row = await findStory(db, project, key);
  if (!row) throw notFound(`Story ${key}`);
  return row;
}

export const notDeleted = (): SQL => isNull(stories.deletedAt);

/**
 * Every column of a story row, by its property name, timestamps as epoch milliseconds: `new Date(ms)` is
 * far cheaper than parsing PostgreSQL's text form, which is most of what the ORM's row mapping costs on a
 * 50,000-story backlog. Built from the table definition, so a new column is listed without a change here.
 */
const LIST_COLUMNS = Object.entries(getTableColumns(stories));
const TIMESTAMPS = new Set(
  LIST_COLUMNS.filter(([, c]) => c.columnType === 'PgTimestamp').map(([name]) => name),
);
/** Those columns, but the ones named in `except` (a list that leaves the long texts out). */
export const storyColumnsExcept = (except: ReadonlySet<string>) =>
  sql.join(
    LIST_COLUMNS.filter(([name]) => !except.has(name)).map(([name, column]) =>
      TIMESTAMPS.has(name)
        ? sql`floor(extract(epoch from ${column}) * 1000)::float8 as ${sql.identifier(name)}`
        : sql`${column} as ${sql.identifier(name)}`,
    ),
    sql`, `,
  );
export const storyColumnsList = storyColumnsExcept(new Set());

/** Both drivers already hand back JSON, arrays, numbers and booleans as such: only the times need work. */
export function storyFromList<Row = StoryRow>(raw: Record<string, unknown>): Row {
  for (const name of TIMESTAMPS) if (raw[name] !== null) raw[name] = new Date(raw[name] as number);
  return raw as Row;
}
