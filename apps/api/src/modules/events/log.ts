import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { events, products, projects, type Db, type Tx } from '@ordo/db';
import {
  conflict,
  EVENT_SCHEMAS,
  notFound,
  type EventData,
  type EventType,
  type NewEvent,
} from '@ordo/domain';
import type { Actor, ProductWriteScope } from '../../lib/scope';
import { noticeConflicts, notifyAbout } from '../notifications/service';

export const EVENTS_CHANNEL = 'ordo_events';

/**
 * What a writer says of the event besides its data: the story it is about, and whether that story has
 * `blocks` links to or from other teams when the writer read that anyway (the conflict check after the
 * work then asks nothing more about it).
 */
export interface EventAbout {
  storyId?: string | null;
  blocksAcrossTeams?: boolean;
}

/** An event queued by a transaction, before it has a seq. */
type PendingEvent = NewEvent & {
  storyId?: string | null | undefined;
  blocksAcrossTeams?: boolean | undefined;
};

export interface EventLog {
  /**
   * Queues an event; it is written with the next seq when the transaction's work is done. `data` must have
   * the shape `EVENT_SCHEMAS[type]` declares (checked by the compiler).
   */
  append<T extends EventType>(type: T, data: EventData<T>, about?: EventAbout): void;
  /**
   * Queues a write that must change exactly one row (an UPDATE … RETURNING), sent in the same statement as
   * the events when the work is done: one round trip fewer under the project lock. Only for a write nothing
   * later in the transaction reads back; the transaction fails when it changes no row.
   */
  writeWithEvents(update: SQL): void;
}

/** Events per INSERT: 7 bind parameters each. */
const EVENTS_A_STATEMENT = 1000;

/**
 * Writes the queued events after `lastSeq` and bumps the project's counter. Callers hold the project row
 * lock, which is what makes `seq` gap-free. The NOTIFY is delivered by PostgreSQL only on commit, so no
 * instance ever reads an event that was rolled back.
 */
async function flushEvents(
  tx: Tx,
  projectId: string,
  lastSeq: number,
  actor: Actor,
  pending: PendingEvent[],
  writes: SQL[] = [],
) {
  if (pending.length === 0) {
    for (const write of writes)
      await checkWritten(tx.execute(sql`with w as (${write}) select count(*)::int as written from w`), 1);
    return lastSeq;
  }
  const newSeq = lastSeq + pending.length;
  const rows = pending.map(
    (event, i) =>
      sql`(${projectId}, ${lastSeq + i + 1}, ${event.type}, ${actor.id}, ${actor.name}, ${event.storyId ?? null}, ${JSON.stringify(event.data)}::jsonb)`,
  );
  const insert = (slice: SQL[]) =>
    sql`insert into ${events} (project_id, seq, type, actor_id, actor_name, story_id, data) values ${sql.join(slice, sql`, `)}`;
  // A big write (an import) goes in slices, within PostgreSQL's 65,535 bind parameters a statement.
  const last = Math.max(0, rows.length - EVENTS_A_STATEMENT);
  for (let start = 0; start < last; start += EVENTS_A_STATEMENT)
    await tx.execute(insert(rows.slice(start, Math.min(start + EVENTS_A_STATEMENT, last))));
  // One round trip for the usual write: the events, the project's counter, the queued writes and the notice,
  // as one statement.
  const queued = writes.map((write, i) => sql`, ${sql.raw(`w${i}`)} as (${write})`);
  const written = writes.length
    ? sql.join(
        writes.map((_, i) => sql.raw(`(select count(*)::int from w${i})`)),
        sql` + `,
      )
    : sql`0`;
  await checkWritten(
    tx.execute(sql`with written as (${insert(rows.slice(last))}), counted as (
      update ${projects} set last_seq = ${newSeq} where id = ${projectId}
    )${sql.join(queued, sql``)}
    select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ projectId, seq: newSeq })}), ${written} as written`),
    writes.length,
  );
  return newSeq;
}

/** Fails the transaction unless the queued writes changed one row each. */
async function checkWritten(result: Promise<unknown>, expected: number) {
  const [row] = ((await result) as { rows: { written: number }[] }).rows;
  if (Number(row?.written ?? 0) !== expected) {
    throw new Error(`A write queued with the events changed ${row?.written} rows instead of ${expected}`);
  }
}

/**
 * The compiler checks a writer's data against `EVENT_SCHEMAS`; this checks what the compiler cannot (a row
 * mapped by hand, a value widened on the way), so the log only ever holds events its readers can parse.
 */
function checkEventData(type: EventType, data: unknown) {
  const checked = EVENT_SCHEMAS[type].safeParse(data);
  if (!checked.success) throw new Error(`A ${type} event does not fit its schema: ${checked.error.message}`);
}

function collector() {
  const pending: PendingEvent[] = [];
  const writes: SQL[] = [];
  const log: EventLog = {
    append: (type, data, about) => {
      checkEventData(type, data);
      pending.push({
        type,
        data,
        storyId: about?.storyId,
        blocksAcrossTeams: about?.blocksAcrossTeams,
      } as PendingEvent);
    },
    writeWithEvents: (update) => void writes.push(update),
  };
  return { pending, writes, log };
}

/**
 * The one way to change a project: a transaction that first locks the project row (serialising the
 * project's writers, so rank moves and sprint planning never race), runs `work`, then appends its events.
 * Use only `tx` inside `work`: PGlite has a single connection.
 */
export async function writeInProject<T>(
  db: Db,
  scope: { project: { id: string }; actor: Actor },
  work: (tx: Tx, log: EventLog) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ lastSeq: projects.lastSeq })
      .from(projects)
      .where(eq(projects.id, scope.project.id))
      .for('update');
    if (!locked) throw notFound('Project');
    const { pending, writes, log } = collector();
    const result = await work(tx, log);
    // Watchers and notifications follow from the events, in the same transaction as the change.
    await notifyAbout(tx, db, scope.project.id, scope.actor, pending);
    await flushEvents(tx, scope.project.id, locked.lastSeq, scope.actor, pending, writes);
    // After the writes queued with the events: the conflict check reads the stories as they now are.
    await noticeConflicts(tx, db, scope.project, scope.actor, pending);
    return result;
  });
}

/**
 * The one way to change a product (its epics, roadmap, vision, feedback), whichever team or product route
 * it comes through: a transaction that locks every team of the product, in id order, then the product row.
 * So a product's writers are serialised (two roadmap moves through two teams never compute the same rank),
 * a story write in any team waits for it (an epic is not deleted under a story being linked to it), and no
 * two writers wait on each other in a cycle (writers of one project lock only that project; every writer
 * locks products after projects). `log` records in `scope.project`'s log; `logOf(team)` in another
 * team's, for a change to that team's stories, which its own readers must see. A product without teams
 * has no log: its writes are kept, their events have nowhere to go.
 */
export async function writeInProduct<T>(
  db: Db,
  scope: ProductWriteScope,
  work: (tx: Tx, log: EventLog, logOf: (projectId: string) => EventLog) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const teams = await tx
      .select({ id: projects.id, lastSeq: projects.lastSeq })
      .from(projects)
      .where(eq(projects.productId, scope.productId))
      .orderBy(asc(projects.id))
      .for('update');
    const [product] = await tx
      .select({ id: products.id })
      .from(products)
      .where(eq(products.id, scope.productId))
      .for('update');
    if (!product) throw notFound('Product');
    // A team that moved in or out between the two locks: its stories are not under this write's lock.
    const now = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.productId, scope.productId));
    const locked = new Set(teams.map((t) => t.id));
    if (
      now.length !== teams.length ||
      now.some((t) => !locked.has(t.id)) ||
      (scope.project !== null && !locked.has(scope.project.id))
    )
      throw conflict("The product's teams changed meanwhile; try again");
    const logs = new Map(teams.map((team) => [team.id, { ...collector(), lastSeq: team.lastSeq }]));
    const logOf = (projectId: string) => {
      const found = logs.get(projectId);
      if (!found) throw new Error(`project ${projectId} is not a team of product ${scope.productId}`);
      return found.log;
    };
    const result = await work(tx, scope.project ? logOf(scope.project.id) : collector().log, logOf);
    for (const [projectId, { pending, lastSeq }] of logs) {
      if (pending.length === 0) continue;
      await notifyAbout(tx, db, projectId, scope.actor, pending);
      await flushEvents(tx, projectId, lastSeq, scope.actor, pending);
    }
    return result;
  });
}

/** For a project created inside `tx` (its seq starts at 0): logs its first events. */
export async function logNewProject(
  tx: Tx,
  projectId: string,
  actor: Actor,
  record: (log: EventLog) => void,
) {
  const { pending, writes, log } = collector();
  record(log);
  await flushEvents(tx, projectId, 0, actor, pending, writes);
}
