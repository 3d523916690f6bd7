import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbKind = 'pglite' | 'postgres';

/** A channel listener; returns the function that stops listening. */
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

export interface Database {
  db: Db;
  kind: DbKind;
  /** LISTEN on a dedicated connection (PGlite: in-process), so NOTIFY fans out across API instances. */
  listen: Listen;
  /** A cheap round trip, for the health check. */
  ping: () => Promise<void>;
  /**
   * Runs `work` while holding a database-wide lock, so instances starting together take turns (the demo
   * seed). PGlite serves one process: nothing to coordinate.
   */
  exclusively: <T>(work: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
  /** PGlite only: the data dir as a tarball, for `loadDataDir` (tests clone one migrated template). */
  dumpDataDir?: () => Promise<Blob>;
}

/**
 * The committed migrations: beside this package's sources, or, in the compiled server (one bundled file),
 * in the `drizzle/` folder its build copies next to it.
 */
export const migrationsFolder =
  ['./drizzle', '../drizzle']
    .map((path) => fileURLToPath(new URL(path, import.meta.url)))
    .find((folder) => existsSync(join(folder, 'meta', '_journal.json'))) ??
  fileURLToPath(new URL('../drizzle', import.meta.url));

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite in `dataDir` (or in memory when that is absent too). */
  url?: string | undefined;
  dataDir?: string | undefined;
  /** PGlite only: start from this dumped data dir (`dumpDataDir()`), e.g. a test run's migrated template. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
  /** Told every statement drizzle sends (tests record the app's SQL to check it filters on its shard key). */
  logger?: Logger | undefined;
}

/** Opens the database and applies the committed migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url
    ? openPostgres(options.url, options.poolSize ?? 10, options.logger)
    : openPglite(options.dataDir, options.loadDataDir, options.logger);
}

async function openPglite(
  dataDir: string | undefined,
  loadDataDir: Blob | undefined,
  logger: Logger | undefined,
): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir });
  const db = drizzlePglite(client, { schema, ...(logger && { logger }) });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    listen: async (channel, onPayload) => {
      const stop = await client.listen(channel, onPayload);
      // Unlistening after the database closed (shutdown order) has nothing left to undo.
      return async () => stop().catch(() => {});
    },
    ping: async () => void (await client.query('select 1')),
    exclusively: (work) => work(),
    close: once(() => client.close()),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

/** Any fixed number: the lock's name among this database's advisory locks. */
const ORDO_LOCK = 72_501_130;

async function withAdvisoryLock<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const holder = await pool.connect();
  try {
    await holder.query('select pg_advisory_lock($1)', [ORDO_LOCK]);
    return await work();
  } finally {
    await holder.query('select pg_advisory_unlock($1)', [ORDO_LOCK]).catch(() => {});
    holder.release();
  }
}

/** Closing twice (a failed start-up, then shutdown) is a no-op the second time. */
function once(close: () => Promise<void>) {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

/** Distinct statement texts counted, and named at most (each named one is prepared once per connection). */
const COUNTED_TEXTS = 5000;
const NAMED_TEXTS = 500;

/**
 * Gives a name to every parameterised statement the app sends a second time (drizzle sends them all
 * unnamed), so each connection parses and plans it once and then only binds and executes it: about half
 * the server time of a short query (0.27 instead of 0.67 ms for the rank move's read). The name is a hash of
 * the text, so one name never means two statements. Bounded: one-off texts (bulk inserts of a given
 * length, migrations, which carry no parameters) stay unnamed, and past `NAMED_TEXTS` nothing new is named.
 */
function nameRepeatedStatements(pool: pg.Pool) {
  const seen = new Map<string, string | number>();
  let named = 0;
  const nameOf = (text: string): string | undefined => {
    const known = seen.get(text);
    if (typeof known === 'string') return known;
    if (known === undefined) {
      if (seen.size < COUNTED_TEXTS) seen.set(text, 1);
      return undefined;
    }
    if (named >= NAMED_TEXTS) return undefined;
    named++;
    const name = `ordo_${createHash('sha1').update(text).digest('base64url')}`;
    seen.set(text, name);
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
      const plain = config as { text?: unknown; name?: unknown; values?: unknown[]; submit?: unknown };
      const values = Array.isArray(rest[0]) ? rest[0] : plain?.values;
      if (
        typeof plain === 'object' &&
        plain !== null &&
        typeof plain.text === 'string' &&
        plain.name === undefined &&
        plain.submit === undefined &&
        values?.length
      ) {
        const name = nameOf(plain.text);
        if (name) return query({ ...plain, name }, ...rest);
      }
      return query(config, ...rest);
    };
  });
}

async function openPostgres(url: string, poolSize: number, logger: Logger | undefined): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  nameRepeatedStatements(pool);
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema, ...(logger && { logger }) });
  const exclusively = <T>(work: () => Promise<T>) => withAdvisoryLock(pool, work);
  // Several instances may start at once: one migrates, the others wait and find nothing left to do.
  await exclusively(() => migratePg(db, { migrationsFolder }));
  const listeners = new Set<pg.Client>();
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    listen: async (channel, onPayload) => {
      let stopped = false;
      let client: pg.Client | undefined;
      // A listening connection that drops (database restart, network) is opened again, so live sync
      // resumes on its own; notifications missed meanwhile are caught up from the log by the next one.
      const connect = async (): Promise<void> => {
        const next = new pg.Client({ connectionString: url });
        next.on('error', () => {});
        next.on('end', () => {
          listeners.delete(next);
          if (!stopped) setTimeout(() => void connect().catch(() => {}), 1000).unref();
        });
        next.on('notification', (n) => n.channel === channel && onPayload(n.payload ?? ''));
        await next.connect();
        await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        listeners.add(next);
        client = next;
      };
      await connect();
      return async () => {
        stopped = true;
        await client?.end().catch(() => {});
      };
    },
    ping: async () => void (await pool.query('select 1')),
    exclusively,
    close: once(async () => {
      await Promise.all([...listeners].map((c) => c.end().catch(() => {})));
      await pool.end();
    }),
  };
}
