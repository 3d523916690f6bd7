import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '@ordo/db';
import { listTables, rowsOf, schemaVersion, type TableInfo } from './catalog';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from './format';

const FETCH = 1000;
const columnList = (table: TableInfo) =>
  sql.join(
    table.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );

/** One table's rows as JSON text, read through a cursor a thousand at a time (never the whole table). */
async function* tableRows(tx: Tx, table: TableInfo): AsyncGenerator<string> {
  await tx.execute(sql`declare ordo_backup no scroll cursor for
    select row_to_json(r)::text as line from (select ${columnList(table)} from ${sql.identifier(table.name)}) r`);
  for (;;) {
    const rows = await rowsOf<{ line: string }>(tx, sql.raw(`fetch ${FETCH} from ordo_backup`));
    for (const row of rows) yield row.line;
    if (rows.length < FETCH) break;
  }
  await tx.execute(sql`close ordo_backup`);
}

async function* backupLines(tx: Tx, header: BackupHeader, counts: Record<string, number>) {
  yield JSON.stringify(header) + '\n';
  for (const table of await listTables(tx)) {
    yield JSON.stringify({ $: 'table', name: table.name, columns: table.columns }) + '\n';
    counts[table.name] = 0;
    for await (const line of tableRows(tx, table)) {
      counts[table.name]! += 1;
      yield line + '\n';
    }
  }
  yield JSON.stringify({ $: 'end', rows: counts }) + '\n';
}

/**
 * Writes the whole instance to `file`. On PostgreSQL it reads one repeatable-read snapshot, so a server
 * writing meanwhile still gives a consistent backup. The file appears only once complete (written beside
 * it, then renamed). Returns the rows per table.
 */
export async function backupTo(database: Database, file: string): Promise<Record<string, number>> {
  const partial = `${file}.partial`;
  const counts: Record<string, number> = {};
  try {
    await database.db.transaction(
      async (tx) => {
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          database: database.kind,
          schema: await schemaVersion(tx),
        };
        await pipeline(
          Readable.from(backupLines(tx, header, counts)),
          createGzip(),
          createWriteStream(partial),
        );
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return counts;
}
