import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrationsFolder } from '@ordo/db';
import { createEmptyDatabase } from './database';

/**
 * The committed migrations as plain SQL, to bring a raw database to a past state, fill it as that
 * state's code would, and then run the migrations that follow (the data migrations' tests).
 */
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};
const statements = (tag: string) =>
  readFileSync(join(migrationsFolder, `${tag}.sql`), 'utf8')
    .split('--> statement-breakpoint')
    .filter((s) => s.trim());

/** The index of the migration whose tag ends with `suffix` (e.g. `_users_handle`). */
export function migrationIndex(suffix: string) {
  return journal.entries.findIndex((e) => e.tag.endsWith(suffix));
}

export interface RawDatabase {
  query: (sql: string) => Promise<{ rows: any[] }>;
  /** Runs the migrations from `from` (an index) up to, not including, `to` (default: all). */
  migrate: (from: number, to?: number) => Promise<void>;
  close: () => Promise<void>;
}

/** An empty database of the run's kind (PGlite, or a new PostgreSQL database), with no migration applied. */
export async function openRaw(): Promise<RawDatabase> {
  let query: RawDatabase['query'];
  let close: RawDatabase['close'];
  if (process.env.ORDO_TEST_DB === 'postgres' && process.env.TEST_DATABASE_URL) {
    const empty = await createEmptyDatabase(process.env.TEST_DATABASE_URL);
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    query = (sql) => client.query(sql);
    close = async () => (await client.end(), await empty.drop());
  } else {
    const client = await PGlite.create();
    query = (sql) => client.query(sql);
    close = () => client.close();
  }
  const migrate = async (from: number, to?: number) => {
    for (const entry of journal.entries.slice(from, to))
      for (const sql of statements(entry.tag)) await query(sql);
  };
  return { query, migrate, close };
}
