import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '@ordo/db';
import { invocationDir, readEnv } from '../env';
import { backupTo } from './backup';
import { Refusal } from './format';
import { restoreFrom } from './restore';

const USAGE = 'usage: pnpm backup FILE | pnpm restore FILE [--force]';

/**
 * `backup FILE` / `restore FILE [--force]` on the database the server would use (DATABASE_URL, else PGlite
 * in DATA_DIR). A relative FILE is taken from where `pnpm` was run, not from apps/api.
 */
async function main(argv: string[]) {
  const [command, path, ...flags] = argv;
  const force = flags.includes('--force');
  if ((command !== 'backup' && command !== 'restore') || !path || flags.some((f) => f !== '--force'))
    throw new Refusal(USAGE);
  const file = resolve(invocationDir(), path);
  const env = readEnv();
  // PGlite is one process's database: opening it beside a running server would corrupt it.
  if (!env.databaseUrl && existsSync(join(env.dataDir, 'postmaster.pid')))
    throw new Refusal(
      `${env.dataDir} is in use (postmaster.pid): stop the server first (if none runs, delete that file)`,
    );
  const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
  try {
    const rows =
      command === 'backup' ? await backupTo(database, file) : await restoreFrom(database, file, { force });
    const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
    const where = env.databaseUrl ? 'PostgreSQL' : `PGlite in ${env.dataDir}`;
    console.log(
      command === 'backup'
        ? `Backed up ${total} rows of ${where} to ${file}`
        : `Restored ${total} rows from ${file} into ${where}`,
    );
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error instanceof Refusal ? error.message : error);
  process.exitCode = 1;
});
