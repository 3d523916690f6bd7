import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { stories, type Tx } from '@ordo/db';
import { compareRanks, type EventData, type StoryEventType } from '@ordo/domain';
import type { EventAbout, EventLog } from '../events/log';
import { storyColumnsList, storyFromList, toStory, type StoryRow } from './queries';

/**
 * The one writer of story rows. Every module that changes a story goes through it, so every change
 * updates the row, bumps its version (what the 409 of a stale edit compares) and appends the typed event
 * carrying the whole story after the change: history, reports, live sync and notifications all read that.
 */

type StoryChanges = Omit<PgUpdateSetSource<typeof stories>, 'id' | 'projectId' | 'version'>;
/** What a story event carries besides the story. */
type Extra<T extends StoryEventType> = Omit<EventData<T>, 'story'>;
type Project = { id: string; key: string };

/**
 * Appends a story event with the story as `row` holds it (also for events that leave the row as it is);
 * `about` says what else the writer knows of it (`EventAbout`).
 */
export function recordStory<T extends StoryEventType>(
  log: EventLog,
  project: Project,
  type: T,
  row: StoryRow,
  extra: Extra<T>,
  about: Omit<EventAbout, 'storyId'> = {},
) {
  const story = toStory(row, project.key);
  log.append(type, { ...extra, story } as EventData<T>, { ...about, storyId: row.id });
  return story;
}

const COLUMN_NAMES = new Map(Object.entries(getTableColumns(stories)).map(([key, c]) => [key, c.name]));

/** The row under its column names, without the fields it leaves undefined (those take their default). */
function byColumn(row: object) {
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    if (value !== undefined) named[COLUMN_NAMES.get(key)!] = value;
  return named;
}

/**
 * Inserts new story rows, one statement per run of rows that set the same columns, whatever their number:
 * the rows travel as one JSON parameter spread by `jsonb_populate_recordset` (the ORM's insert binds each
 * value apart, ~21 a row, and building that cost more CPU than the database's work on a 20,000-story
 * import). A column a row leaves out (or sets to undefined) takes its default. Returns the rows in order.
 */
export async function insertStories(
  tx: Tx,
  values: readonly (typeof stories.$inferInsert)[],
): Promise<StoryRow[]> {
  const saved: StoryRow[] = [];
  // Each row renamed in one pass (its entries were walked three times: signature, rename, encoding).
  const rows = values.map(byColumn);
  const signature = (row: object) => Object.keys(row).join(',');
  for (let start = 0; start < rows.length;) {
    const columns = signature(rows[start]!);
    let end = start + 1;
    while (end < rows.length && signature(rows[end]!) === columns) end++;
    const names = sql.join(
      columns.split(',').map((name) => sql.identifier(name)),
      sql`, `,
    );
    const json = JSON.stringify(rows.slice(start, end));
    const result = await tx.execute(sql`insert into ${stories} (${names})
      select ${names} from jsonb_populate_recordset(null::stories, ${json}::jsonb)
      returning ${storyColumnsList}`);
    saved.push(...(result as { rows: Record<string, unknown>[] }).rows.map(storyFromList));
    start = end;
  }
  return saved;
}

/** Logs `story.created` for each new row. */
export const recordCreated = (log: EventLog, project: Project, rows: readonly StoryRow[]) =>
  rows.map((row) => recordStory(log, project, 'story.created', row, {}));

/**
 * Writes `changes` to the project's stories that `which` selects, in one statement whatever their number,
 * and logs one event each, in rank order. `keepVersion`: a change that is not an edit of the story's own
 * fields (sub-task counts) leaves the version, so nobody's open edit turns stale for it.
 */
export async function writeStories<T extends StoryEventType>(
  tx: Tx,
  log: EventLog,
  project: Project,
  write: {
    which: SQL | undefined;
    changes: StoryChanges;
    type: T;
    extra: (saved: StoryRow) => Extra<T>;
    keepVersion?: boolean;
  },
): Promise<StoryRow[]> {
  const bump = write.keepVersion ? {} : { version: sql`${stories.version} + 1`, updatedAt: new Date() };
  const saved = await tx
    .update(stories)
    .set({ ...write.changes, ...bump })
    .where(and(eq(stories.projectId, project.id), write.which))
    .returning();
  saved.sort((a, b) => compareRanks(a.rank, b.rank));
  for (const row of saved) recordStory(log, project, write.type, row, write.extra(row));
  return saved;
}

/** Writes one story's change and logs it: the row as saved, and the story the event carries. */
export async function writeStory<T extends StoryEventType>(
  tx: Tx,
  log: EventLog,
  project: Project,
  row: StoryRow,
  write: { changes: StoryChanges; type: T; extra: Extra<T>; keepVersion?: boolean },
) {
  const [saved] = await writeStories(tx, log, project, {
    which: inArray(stories.id, [row.id]),
    changes: write.changes,
    type: write.type,
    extra: () => write.extra,
    keepVersion: write.keepVersion,
  });
  return { row: saved!, story: toStory(saved!, project.key) };
}

/** Plain values for a story's own columns (no SQL expressions): the row after the change is known here. */
type PlainStoryChanges = Partial<Omit<StoryRow, 'id' | 'projectId' | 'version' | 'updatedAt'>>;

/**
 * Writes one story's change in the statement that writes the transaction's events, at its end: one round
 * trip fewer under the project lock (the rank move). `row` must have been read in this transaction (under
 * the lock, so it cannot change meanwhile: the version is checked all the same) and nothing later in the
 * transaction may read the story back. Returns the row after the change, as `writeStory` does.
 */
export function writeStoryWithEvents<T extends StoryEventType>(
  tx: Tx,
  log: EventLog,
  project: Project,
  row: StoryRow,
  write: { changes: PlainStoryChanges; type: T; extra: Extra<T>; about?: Omit<EventAbout, 'storyId'> },
) {
  const saved: StoryRow = { ...row, ...write.changes, version: row.version + 1, updatedAt: new Date() };
  log.writeWithEvents(
    tx
      .update(stories)
      .set({ ...write.changes, version: saved.version, updatedAt: saved.updatedAt })
      .where(and(eq(stories.projectId, project.id), eq(stories.id, row.id), eq(stories.version, row.version)))
      .returning({ id: stories.id })
      .getSQL(),
  );
  return { row: saved, story: recordStory(log, project, write.type, saved, write.extra, write.about) };
}

/** The fields of an edit with the values they had before: an edit event's `from`. */
export const fieldsBefore = (row: StoryRow, changes: object) =>
  Object.fromEntries(Object.keys(changes).map((f) => [f, row[f as keyof StoryRow]]));

/** JSON with sorted keys, so a jsonb value read back (keys reordered) compares equal to the one sent. */
const canonical = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * Whether every field of an edit already holds the value sent. Such an edit writes nothing: no new version
 * (others would get a needless 409), no event.
 */
export function changesNothing(row: StoryRow, changes: Record<string, unknown>) {
  return Object.entries(changes).every(
    ([field, value]) => value === undefined || canonical(value) === canonical(row[field as keyof StoryRow]),
  );
}

/**
 * An edit of a story's fields: nothing at all when it changes nothing, else written with its `effects`
 * (asked only then) and logged as `type` with what the fields held before (`from`).
 */
export async function editStory<T extends 'story.updated' | 'story.transitioned'>(
  tx: Tx,
  log: EventLog,
  project: Project,
  row: StoryRow,
  edit: { fields: StoryChanges; effects?: () => Promise<StoryChanges>; type: T },
) {
  if (changesNothing(row, edit.fields)) return toStory(row, project.key);
  const changes = { ...edit.fields, ...(await edit.effects?.()) };
  const extra = { from: fieldsBefore(row, edit.fields) } as Extra<T>;
  return (await writeStory(tx, log, project, row, { changes, type: edit.type, extra })).story;
}
