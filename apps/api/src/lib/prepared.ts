import type { Db } from '@ordo/db';

/**
 * A query that runs on every request (the caller's session, the request limit, the membership), built by
 * drizzle once per database instead of once per call. Building a query — its columns, joins and
 * conditions — was about a quarter of the CPU of a small request; prepared, each call only binds its
 * values. On PostgreSQL the statement is also named, so each connection parses and plans it once.
 *
 *   const byKey = prepared((db) => db.select().from(projects).where(eq(projects.key, sql.placeholder('key'))).prepare('ordo_project_by_key'));
 *   const [row] = await byKey(db).execute({ key });
 */
export function prepared<T>(build: (db: Db) => T): (db: Db) => T {
  const byDatabase = new WeakMap<Db, T>();
  return (db) => {
    let query = byDatabase.get(db);
    if (query === undefined) {
      query = build(db);
      byDatabase.set(db, query);
    }
    return query;
  };
}
