import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import pg from 'pg';
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
  if (!adminUrl) {
    const database = await openDatabase({
      loadDataDir: new Blob([await readFile(template)]),
      logger: sqlRecorder.logger,
    });
    return { database, drop: () => database.close() };
  }
  return openPostgresCopy(adminUrl, await createDatabase(adminUrl, `TEMPLATE ${template}`));
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
