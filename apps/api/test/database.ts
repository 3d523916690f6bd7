import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@ordo/db';
import { sqlRecorder } from './sql-recorder';

export interface FreshDatabase {
  database: Database;
  drop: () => Promise<void>;
  /** The new PostgreSQL database's URL, for a second instance on it. */
  url?: string;
}

/**
 * A fresh database for one test file, cloned from the run's migrated template (see template-database.ts):
 * in-memory PGlite loaded from the template's dump, or a new PostgreSQL database created from the template
 * beside TEST_DATABASE_URL and dropped afterwards.
 */
export async function openTestDatabase(): Promise<FreshDatabase> {
  const template = inject('templateDatabase');
  const adminUrl = process.env.ORDO_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
  if (!adminUrl) return pgliteCopy(template);
  return openPostgresCopy(adminUrl, await createDatabase(adminUrl, `TEMPLATE ${template}`));
}

/**
 * PGlite databases a file of this worker has finished with, emptied (module state: a worker runs file after
 * file in one module graph, see vitest.config.ts). Loading the template's dump costs each new one about
 * 1.5 s of CPU; emptying a used one, a tenth of that.
 */
const idlePglites: Database[] = [];

async function pgliteCopy(template: string): Promise<FreshDatabase> {
  const database =
    idlePglites.pop() ??
    (await openDatabase({ loadDataDir: new Blob([await readFile(template)]), logger: sqlRecorder.logger }));
  // A test may close the database under the app (an outage): that one is not handed out again.
  let closed = false;
  const close = () => {
    closed = true;
    return database.close();
  };
  return {
    database: { ...database, close },
    drop: async () => {
      if (closed) return;
      // Back to the template's state: the template holds no rows (only the migrations' own bookkeeping).
      await database.db.execute(sql.raw(`truncate ${await appTables(database)} restart identity cascade`));
      idlePglites.push(database);
    },
  };
}

/** Every table of the app's schema, for one TRUNCATE (the same in every copy of the template). */
let tableList: string | undefined;
async function appTables(database: Database) {
  if (tableList === undefined) {
    const result = await database.db.execute(
      sql`select tablename from pg_tables where schemaname = 'public'`,
    );
    tableList = (result as { rows: { tablename: string }[] }).rows.map((r) => `"${r.tablename}"`).join(', ');
  }
  return tableList;
}

/**
 * PGlite: a new data dir holding a copy of the run's migrated template, for a server process or a CLI to
 * start on (initialising and migrating an empty folder costs a process ten seconds of CPU and more).
 */
export function copyOfTemplateDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(inject('templateDataDir'), dir, { recursive: true });
  return dir;
}

/**
 * With `adminUrl`, a new PostgreSQL database created beside it (never the admin database itself) and
 * dropped by `drop`; without, PGlite in `pgliteDir` or in memory. Both migrated from nothing.
 */
export async function openFreshDatabase(
  adminUrl: string | undefined,
  pgliteDir?: string,
): Promise<FreshDatabase> {
  if (!adminUrl) {
    const database = await openDatabase({ dataDir: pgliteDir });
    return { database, drop: () => database.close() };
  }
  return openPostgresCopy(adminUrl, await createEmptyDatabase(adminUrl));
}

async function openPostgresCopy(adminUrl: string, created: { url: string; drop: () => Promise<void> }) {
  const database = await openDatabase({ url: created.url, poolSize: 20, logger: sqlRecorder.logger });
  return {
    database,
    url: created.url,
    drop: async () => {
      await database.close();
      await created.drop();
    },
  };
}

/** A new, empty PostgreSQL database beside `adminUrl`: no tables, no migrations yet. */
export const createEmptyDatabase = (adminUrl: string) => createDatabase(adminUrl, '');

async function createDatabase(adminUrl: string, clause: string) {
  const name = `ordo_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} ${clause}`);
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** The URL of the database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement on the admin database (CREATE/DROP DATABASE cannot run in the test's own). */
export async function adminQuery(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
