import { and, asc, desc, eq, gt, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { statuses, stories, type Db } from '@ordo/db';
import { isoDate, type StoryFilter, type StoryListQuery, type StorySort } from '@ordo/domain';
import { decodeCursor, encodeCursor, fingerprint } from './cursor';
import { matchesText } from '../../lib/text-match';

type Key = (string | number | null)[];

/** The exact update time as text (microseconds, UTC): a JS Date would round it and break the keyset. */
const updatedAtText = sql<string>`to_char(${stories.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const exactTime = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
  .refine((v) => !Number.isNaN(Date.parse(v)));

/**
 * Each sort: its ORDER BY (always ending on a unique column, so the order is total), the key of a row,
 * the shape of that key in a cursor, and the rows after a key. Keyset paging: a page never shifts when
 * stories are added or edited elsewhere in the list, and it is an index range scan however deep.
 */
const SORTS: Record<
  StorySort,
  {
    orderBy: SQL[];
    keyOf: (row: { story: typeof stories.$inferSelect; updatedAt: string }) => Key;
    key: z.ZodType<Key>;
    after: (key: Key) => SQL;
  }
> = {
  rank: {
    orderBy: [asc(stories.rank)],
    keyOf: ({ story }) => [story.rank],
    key: z.tuple([z.string().max(500)]),
    after: ([rank]) => gt(stories.rank, rank as string),
  },
  updated: {
    orderBy: [desc(stories.updatedAt), desc(stories.id)],
    keyOf: ({ story, updatedAt }) => [updatedAt, story.id],
    key: z.tuple([exactTime, z.uuid()]),
    after: ([at, id]) => sql`(${stories.updatedAt}, ${stories.id}) < (${at}::timestamptz, ${id}::uuid)`,
  },
  created: {
    orderBy: [desc(stories.number)],
    keyOf: ({ story }) => [story.number],
    key: z.tuple([z.number().int().min(0).max(2_147_483_647)]),
    after: ([number]) => lt(stories.number, number as number),
  },
  due: {
    // Soonest deadline first, stories without one last, each group in backlog order.
    orderBy: [sql`${stories.dueDate} asc nulls last`, asc(stories.rank)],
    keyOf: ({ story }) => [story.dueDate, story.rank],
    key: z.tuple([isoDate.nullable(), z.string().max(500)]),
    after: ([due, rank]) =>
      due === null
        ? and(isNull(stories.dueDate), gt(stories.rank, rank as string))!
        : or(
            gt(stories.dueDate, due as string),
            and(eq(stories.dueDate, due as string), gt(stories.rank, rank as string)),
            isNull(stories.dueDate),
          )!,
  },
};

const idOrNone = (
  column: typeof stories.assigneeId | typeof stories.sprintId | typeof stories.epicId,
  value: string,
) => (value === 'none' ? isNull(column) : eq(column, value));

function filters(project: { id: string; key: string }, f: StoryFilter, today: string): SQL[] {
  const where: SQL[] = [
    eq(stories.projectId, project.id),
    f.deleted ? isNotNull(stories.deletedAt) : isNull(stories.deletedAt),
  ];
  if (f.done !== undefined)
    where.push(f.done ? eq(statuses.category, 'done') : ne(statuses.category, 'done'));
  if (f.status) where.push(eq(stories.statusId, f.status));
  if (f.sprint) where.push(idOrNone(stories.sprintId, f.sprint));
  if (f.epic) where.push(idOrNone(stories.epicId, f.epic));
  if (f.assignee) where.push(idOrNone(stories.assigneeId, f.assignee));
  if (f.label) where.push(sql`${f.label} = any(${stories.labels})`);
  if (f.type) where.push(eq(stories.type, f.type));
  if (f.due === 'overdue') where.push(lt(stories.dueDate, today), ne(statuses.category, 'done'));
  if (f.q) where.push(matchesText(f.q, project.key));
  return where;
}

/** One page of every story of a project, filtered and sorted, and the cursor of the next page (or null). */
export async function listStories(
  db: Db,
  project: { id: string; key: string },
  query: StoryListQuery,
  today: string,
) {
  const { limit, cursor, ...filter } = query;
  const sort = SORTS[filter.sort];
  const print = fingerprint(project.id, filter);
  const where = filters(project, filter, today);
  if (cursor) where.push(sort.after(decodeCursor(cursor, print, sort.key)));
  const rows = await db
    .select({ story: stories, updatedAt: updatedAtText })
    .from(stories)
    .innerJoin(statuses, and(eq(statuses.projectId, stories.projectId), eq(statuses.id, stories.statusId)))
    .where(and(...where))
    .orderBy(...sort.orderBy)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => r.story),
    nextCursor: rows.length > limit && last ? encodeCursor(print, sort.keyOf(last)) : null,
  };
}
