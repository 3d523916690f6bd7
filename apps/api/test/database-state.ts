import { sql, type SQL } from 'drizzle-orm';
import type { TestApp } from './harness';
import { SHARD_KEYS } from './shard-rule';

/**
 * What a refused request must leave as it was, read straight from the database (one statement, no HTTP): a
 * digest of every row of the given projects (by key) and their products, and of the given products, in every table scoped to them (shard-rule.ts's
 * keys: a team's stories, events, sprints, members…; a product's epics, feedback, members, invitations).
 * Stronger than reading the views a member sees (a write no view shows still counts) and cheaper than the
 * requests that would read them. A person's inbox (keyed by its reader) is not a project's.
 *
 *   const before = await scopedState(t, { projects: [team.key] });
 *   … a refused request …
 *   expect(await scopedState(t, { projects: [team.key] })).toEqual(before);
 */
export async function scopedState(
  t: TestApp,
  scope: { projects?: string[]; products?: string[] },
): Promise<Record<string, string>> {
  const keys = (list: string[] | undefined) =>
    sql`array[${sql.join(
      (list ?? []).map((key) => sql`${key}::text`),
      sql`, `,
    )}]::text[]`;
  const projectIds = sql`(select id from projects where key = any(${keys(scope.projects)}))`;
  // A team's epics, vision and feedback are its product's rows.
  const productIds = sql`(select id from products where key = any(${keys(scope.products)})
    union select product_id from projects where key = any(${keys(scope.projects)}))`;
  const within: Record<string, SQL> = { project_id: projectIds, product_id: productIds };
  const row = sql.raw('md5(to_jsonb(r)::text)');
  const digests = [...SHARD_KEYS].flatMap(([table, key]) => {
    const ids = table === 'projects' ? projectIds : table === 'products' ? productIds : within[key];
    if (!ids) return [];
    return [
      sql`(select md5(coalesce(string_agg(${row}, ',' order by ${row}), '')) from ${sql.identifier(table)} r where r.${sql.identifier(key)} in ${ids}) as ${sql.identifier(table)}`,
    ];
  });
  const result = await t.database.db.execute(sql`select ${sql.join(digests, sql`, `)}`);
  return (result as { rows: Record<string, string>[] }).rows[0]!;
}

/** A project's last event seq, read straight from the database: a refused request must not move it. */
export async function lastSeqOf(t: TestApp, projectKey: string): Promise<number> {
  const result = await t.database.db.execute(sql`select last_seq from projects where key = ${projectKey}`);
  return Number((result as { rows: { last_seq: number }[] }).rows[0]!.last_seq);
}

/** The tables whose digest differs between two `scopedState` readings. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(before).filter((table) => before[table] !== after[table]);
