import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@ordo/db';

export type Queryable = Db | Tx;

export interface TableInfo {
  name: string;
  /** Stored columns in table order; generated ones (the search vector) are computed again on insert. */
  columns: string[];
}

export async function rowsOf<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/**
 * The instance's tables, read from the database's own catalog (so a new table is backed up without touching
 * this code), ordered so that every table comes after the tables its foreign keys point at.
 */
export async function listTables(db: Queryable): Promise<TableInfo[]> {
  const columns = await rowsOf<{ table: string; column: string }>(
    db,
    sql`select c.table_name as "table", c.column_name as "column"
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
        order by c.table_name, c.ordinal_position`,
  );
  const references = await rowsOf<{ from: string; to: string }>(
    db,
    sql`select distinct src.relname as "from", dst.relname as "to"
        from pg_constraint k
        join pg_class src on src.oid = k.conrelid
        join pg_class dst on dst.oid = k.confrelid
        join pg_namespace n on n.oid = src.relnamespace
        where k.contype = 'f' and n.nspname = current_schema() and src.oid <> dst.oid`,
  );
  const tables = new Map<string, string[]>();
  for (const { table, column } of columns) tables.set(table, [...(tables.get(table) ?? []), column]);
  return inDependencyOrder([...tables.keys()], references).map((name) => ({
    name,
    columns: tables.get(name)!,
  }));
}

/** Tables sorted so that each follows the ones it references (a depth-first topological sort). */
export function inDependencyOrder(names: string[], references: { from: string; to: string }[]): string[] {
  const sorted: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`the foreign keys around "${name}" form a cycle`);
    state.set(name, 'visiting');
    for (const edge of references) if (edge.from === name) visit(edge.to);
    state.set(name, 'done');
    sorted.push(name);
  };
  for (const name of [...names].sort()) visit(name);
  return sorted;
}

/** The latest migration applied (drizzle's journal time), which says which schema the rows fit. */
export async function schemaVersion(db: Queryable): Promise<number> {
  const [row] = await rowsOf<{ at: string | number | null }>(
    db,
    sql`select max(created_at) as at from drizzle.__drizzle_migrations`,
  );
  return Number(row?.at ?? 0);
}
