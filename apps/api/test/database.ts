import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@ordo/db';

export interface FreshDatabase {
  database: Database;
  drop: () => Promise<void>;
  /** The new PostgreSQL database's URL, for a second instance on it. */
  url?: string;
}

/**
 * A fresh, empty database for one test file: in-memory PGlite, or a new PostgreSQL database created next
 * to TEST_DATABASE_URL and dropped afterwards.
 */
export function openTestDatabase(): Promise<FreshDatabase> {
  return openFreshDatabase(
    process.env.ORDO_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined,
  );
}

/**
 * With `adminUrl`, a new PostgreSQL database created beside it (never the admin database itself) and
 * dropped by `drop`; without, PGlite in `pgliteDir` or in memory.
 */
export async function openFreshDatabase(
  adminUrl: string | undefined,
  pgliteDir?: string,
): Promise<FreshDatabase> {
  if (!adminUrl) {
    const database = await openDatabase({ dataDir: pgliteDir });
    return { database, drop: () => database.close() };
  }
  const empty = await createEmptyDatabase(adminUrl);
  const database = await openDatabase({ url: empty.url, poolSize: 20 });
  return {
    database,
    url: empty.url,
    drop: async () => {
      await database.close();
      await empty.drop();
    },
  };
}

/** A new, empty PostgreSQL database beside `adminUrl`: no tables, no migrations yet. */
export async function createEmptyDatabase(adminUrl: string) {
  const name = `ordo_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
