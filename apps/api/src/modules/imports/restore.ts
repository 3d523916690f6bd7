import { randomUUID } from 'node:crypto';
import { count, eq, inArray } from 'drizzle-orm';
import {
  epics,
  events,
  feedback,
  members,
  products,
  projects,
  sprints,
  statuses,
  stories,
  users,
  type Db,
  type Tx,
} from '@ordo/db';
import { conflict, invalid, type ImportReport } from '@ordo/domain';
import { insertUser } from '../auth/service';
import type { EventLog } from '../events/log';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { EXPORT_TABLE_NAMES, EXPORT_TABLES, importRow, ownerOf, type ExportTable } from './export-tables';
import { productIdOf } from '../../lib/product-of';

type Row = Record<string, unknown>;
interface ExportMember {
  userId: string;
  email: string;
  name: string;
  roles: string[];
  joinedAt: string;
}

export interface RestorableDocument {
  project: Row;
  members: ExportMember[];
  tables: Record<ExportTable, Row[]>;
  report: ImportReport;
  total: number;
}

const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A scalar of the export as text (an object or array is no name: the fallback). */
const text = (value: unknown, fallback: string) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * An Ordo export, checked before anything is written: its `format` and `version` (a newer one than this
 * Ordo reads is refused, not guessed at), its parts, and that the project it goes into is empty.
 */
export async function checkRestorable(
  db: Db,
  projectId: string,
  document: unknown,
): Promise<RestorableDocument> {
  if (!isObject(document) || document.format !== EXPORT_FORMAT) {
    throw invalid('body.format', `this is no Ordo export: "format" must be "${EXPORT_FORMAT}"`);
  }
  if (typeof document.version !== 'number' || !Number.isInteger(document.version) || document.version < 1) {
    throw invalid('body.version', 'the export has no version number');
  }
  if (document.version > EXPORT_VERSION) {
    throw invalid(
      'body.version',
      `the export is version ${document.version}, newer than this Ordo reads (${EXPORT_VERSION}): update Ordo first`,
    );
  }
  if (!isObject(document.project)) throw invalid('body.project', 'the export has no project');
  if (
    !Array.isArray(document.members) ||
    !document.members.every((m) => isObject(m) && typeof m.email === 'string')
  ) {
    throw invalid('body.members', 'must be a list of members with their email');
  }
  const tables = {} as Record<ExportTable, Row[]>;
  for (const name of EXPORT_TABLE_NAMES) {
    const rows = document[name] ?? [];
    if (!Array.isArray(rows) || !rows.every(isObject))
      throw invalid(`body.${name}`, 'must be a list of objects');
    tables[name] = rows;
  }
  const owners = { projectId, productId: await productIdOf(db, projectId) };
  const counts = await Promise.all(
    [stories, epics, sprints, feedback].map((table) => {
      const owner = ownerOf(table, owners);
      return db.select({ n: count() }).from(table).where(eq(owner.column, owner.id));
    }),
  );
  const used = { n: counts.reduce((n, [row]) => n + (row?.n ?? 0), 0) };
  if ((used?.n ?? 0) > 0)
    throw conflict(
      'An export is restored into an empty project: this one has stories, epics, sprints or feedback already',
    );
  const report: ImportReport = {
    stories: tables.stories.length,
    epics: tables.epics.length,
    sprints: tables.sprints.length,
    comments: tables.comments.length,
    subtasks: tables.subtasks.length,
    links: tables.links.length,
    users: { matched: 0, unmatched: [] },
    people: [],
    statuses: tables.statuses.map((s) => ({ from: String(s.name), to: String(s.name) })),
    points: { kept: tables.stories.filter((s) => s.points !== null).length, rounded: [], dropped: 0 },
    skipped: [],
    warnings: [],
    created: tables.stories.length,
    updated: 0,
  };
  const total = EXPORT_TABLE_NAMES.reduce((n, name) => n + tables[name].length, 0);
  return { project: document.project, members: document.members as ExportMember[], tables, report, total };
}

/**
 * Writes an export into the (empty) project: the project's texts, its workflow, members (matched to
 * accounts by email; an account that does not exist here is created without a password, to be reset), and
 * every row. Ids are kept when they are free in this database, else all are replaced consistently; the
 * event log is the export's own, so exporting again gives the same document.
 */
export async function restoreExport(
  tx: Tx,
  project: { id: string; key: string },
  _log: EventLog,
  document: RestorableDocument,
  progress: (done: number, total: number) => void,
) {
  const ids = new Map<string, string>();
  const taken = await anyIdTaken(tx, document);
  if (taken) {
    // New ids in the same order as the old ones, so rows that tie on their time still come out in the same order.
    const old = EXPORT_TABLE_NAMES.flatMap((name) => document.tables[name].map((row) => row.id))
      .filter((id): id is string => typeof id === 'string')
      .sort();
    const fresh = old.map(() => randomUUID()).sort();
    old.forEach((id, i) => ids.set(id, fresh[i]!));
  }
  for (const member of document.members) {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, member.email.toLowerCase()));
    // No password: one that no login matches; the person sets theirs with a password reset.
    const userId =
      existing?.id ??
      (await insertUser(tx, { email: member.email.toLowerCase(), name: member.name, passwordHash: '!' })).id;
    if (userId !== member.userId) ids.set(member.userId, userId);
    await tx
      .insert(members)
      .values({ projectId: project.id, userId, roles: member.roles, joinedAt: new Date(member.joinedAt) })
      .onConflictDoUpdate({
        target: [members.projectId, members.userId],
        set: { roles: member.roles, joinedAt: new Date(member.joinedAt) },
      });
  }
  const remap = (value: unknown): unknown => {
    if (ids.size === 0) return value;
    if (typeof value === 'string') return value.replace(UUID, (id) => ids.get(id) ?? id);
    if (Array.isArray(value) || isObject(value))
      return JSON.parse(JSON.stringify(value).replace(UUID, (id) => ids.get(id) ?? id));
    return value;
  };

  const head = document.project;
  await tx
    .update(projects)
    .set({
      name: text(head.name, project.key),
      description: text(head.description, ''),
      plannedVelocity: typeof head.plannedVelocity === 'number' ? head.plannedVelocity : null,
      lastStoryNumber: typeof head.lastStoryNumber === 'number' ? head.lastStoryNumber : 0,
      ...(typeof head.createdAt === 'string' && !Number.isNaN(Date.parse(head.createdAt))
        ? { createdAt: new Date(head.createdAt) }
        : {}),
    })
    .where(eq(projects.id, project.id));
  const owners = { projectId: project.id, productId: await productIdOf(tx, project.id) };
  await tx
    .update(products)
    .set({ vision: text(head.vision, '') })
    .where(eq(products.id, owners.productId));
  // The project's own workflow and first events make way for the export's.
  await tx.delete(events).where(eq(events.projectId, project.id));
  await tx.delete(statuses).where(eq(statuses.projectId, project.id));

  let done = 0;
  for (const name of EXPORT_TABLE_NAMES) {
    const { table } = EXPORT_TABLES[name];
    const rows = document.tables[name].map((row) =>
      importRow(name, Object.fromEntries(Object.entries(row).map(([k, v]) => [k, remap(v)])), owners),
    );
    for (let start = 0; start < rows.length; start += 500) {
      await tx.insert(table).values(rows.slice(start, start + 500));
      progress((done += Math.min(500, rows.length - start)), document.total);
    }
  }
  const lastSeq = document.tables.events.reduce(
    (max, e) => Math.max(max, typeof e.seq === 'number' ? e.seq : 0),
    0,
  );
  await tx.update(projects).set({ lastSeq }).where(eq(projects.id, project.id));
}

/** Whether any id of the export is already used in this database (the exported project is still here). */
async function anyIdTaken(tx: Tx, document: RestorableDocument) {
  for (const name of ['statuses', 'epics', 'sprints', 'stories'] as const) {
    const rowIds = document.tables[name]
      .map((r) => r.id)
      .filter((id): id is string => typeof id === 'string');
    const { table } = EXPORT_TABLES[name];
    for (let i = 0; i < rowIds.length; i += 500) {
      const [hit] = await tx
        .select({ n: count() })
        .from(table)
        .where(inArray(table.id, rowIds.slice(i, i + 500)));
      if ((hit?.n ?? 0) > 0) return true;
    }
  }
  return false;
}
