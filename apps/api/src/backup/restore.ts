import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '@ordo/db';
import { listTables, rowsOf, schemaVersion, type TableInfo } from './catalog';
import { BACKUP_FORMAT, BACKUP_VERSION, backupHeader, endLine, MARKER, Refusal, tableLine } from './format';

const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;

/** The lines of a gzip file as they are decompressed. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const unzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => unzip.destroy(error));
  input.pipe(unzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of unzip) {
      const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Refusal(`${file}: no such file`);
    if (code?.startsWith('Z_')) throw new Refusal(`${file} is not an Ordo backup (not gzip, or cut short)`);
    throw error;
  }
  if (rest + decoder.end()) throw new Refusal(`${file} is cut short (its last line is incomplete)`);
}

function parse<T>(
  line: string,
  schema: { safeParse: (v: unknown) => { success: boolean; data?: T } },
  what: string,
): T {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Refusal(`not an Ordo backup: ${what} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Refusal(`not an Ordo backup: unexpected ${what}`);
  return parsed.data as T;
}

async function checkHeader(line: string | undefined, database: Database) {
  const header = parse(line ?? '', backupHeader, 'first line');
  if (header.format !== BACKUP_FORMAT) throw new Refusal('not an Ordo backup');
  if (header.version > BACKUP_VERSION)
    throw new Refusal(
      `this backup has format version ${header.version}; this Ordo reads up to ${BACKUP_VERSION}: upgrade Ordo first`,
    );
  if (header.schema > (await schemaVersion(database.db)))
    throw new Refusal(
      'this backup was taken by a newer Ordo (its schema is ahead of this one): upgrade Ordo first',
    );
  return header;
}

/** The tables that hold rows, by name; restoring over them takes `--force`. */
async function filledTables(tx: Tx, tables: TableInfo[]) {
  const filled: string[] = [];
  for (const table of tables) {
    const [row] = await rowsOf<{ any: boolean }>(
      tx,
      sql`select exists (select 1 from ${sql.identifier(table.name)}) as any`,
    );
    if (row?.any) filled.push(table.name);
  }
  return filled;
}

async function insertBatch(tx: Tx, table: TableInfo, rows: string[]) {
  if (rows.length === 0) return;
  const name = sql.identifier(table.name);
  const columns = sql.join(
    table.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  // PostgreSQL reads each value back from its own JSON text: exact for every type (times, arrays, jsonb).
  await tx.execute(
    sql`insert into ${name} (${columns}) select ${columns} from json_populate_recordset(null::${name}, ${`[${rows.join(',')}]`}::json)`,
  );
}

/** The backup's table, checked against this database's: a column unknown here means a newer schema. */
function targetTable(line: string, tables: Map<string, TableInfo>): TableInfo {
  const marker = parse(line, tableLine, 'table line');
  const here = tables.get(marker.name);
  if (!here) throw new Refusal(`the backup has a table "${marker.name}" this Ordo does not know`);
  const unknown = marker.columns.find((c) => !here.columns.includes(c));
  if (unknown)
    throw new Refusal(`the backup has a column "${marker.name}.${unknown}" this Ordo does not know`);
  return { name: marker.name, columns: marker.columns };
}

/**
 * Restores a backup into `database`, in one transaction: all of it or nothing. A database that holds any
 * row is refused unless `force`, which empties every table first. Returns the rows per table.
 */
export async function restoreFrom(database: Database, file: string, options: { force: boolean }) {
  const lines = linesOf(file);
  await checkHeader((await lines.next()).value as string | undefined, database);
  const written: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    const tables = await listTables(tx);
    const filled = await filledTables(tx, tables);
    if (filled.length > 0 && !options.force)
      throw new Refusal(
        `the database is not empty (rows in ${filled.join(', ')}); restore --force replaces everything in it`,
      );
    if (filled.length > 0)
      await tx.execute(
        sql`truncate ${sql.join(
          tables.map((t) => sql.identifier(t.name)),
          sql`, `,
        )} cascade`,
      );
    const byName = new Map(tables.map((t) => [t.name, t]));
    let table: TableInfo | undefined;
    let batch: string[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      await insertBatch(tx, table, batch);
      written[table.name]! += batch.length;
      batch = [];
      bytes = 0;
    };
    for await (const line of lines) {
      if (!line.startsWith(MARKER)) {
        if (!table) throw new Refusal('not an Ordo backup: a row before any table');
        batch.push(line);
        bytes += line.length;
        if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
        continue;
      }
      await flush();
      if (!line.startsWith(`${MARKER}"end"`)) {
        table = targetTable(line, byName);
        written[table.name] = 0;
        continue;
      }
      const end = parse(line, endLine, 'last line');
      for (const [name, count] of Object.entries(end.rows))
        if ((written[name] ?? 0) !== count)
          throw new Refusal(`the backup is damaged: ${name} has ${written[name] ?? 0} rows of ${count}`);
      return;
    }
    throw new Refusal('the backup is cut short (no end line): nothing was restored');
  });
  return written;
}
