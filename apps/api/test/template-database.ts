import { randomBytes } from 'node:crypto';
import { writeFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@ordo/db';
import { adminQuery, databaseUrl } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template every test file's database is cloned from: a PGlite dump's path or a PG name. */
    templateDatabase: string;
    /** PGlite only: the template as a data dir, for a server process or a CLI to start on a copy of. */
    templateDataDir: string;
  }
}

/**
 * vitest globalSetup: migrates one database per run and hands its name to the test files, which clone it
 * (PostgreSQL `CREATE DATABASE … TEMPLATE`, PGlite from the dumped data dir) instead of migrating their own.
 */
export default async function setup(project: TestProject) {
  const adminUrl = project.config.env.ORDO_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
  if (adminUrl) {
    const name = `ordo_template_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    await (await openDatabase({ url: databaseUrl(adminUrl, name) })).close();
    project.provide('templateDatabase', name);
    return () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'ordo-template-'));
  const dataDir = join(dir, 'data');
  const database = await openDatabase({ dataDir });
  const path = join(dir, 'migrated.tar');
  await writeFile(path, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await database.close();
  project.provide('templateDatabase', path);
  project.provide('templateDataDir', dataDir);
  return () => rm(dir, { recursive: true, force: true });
}
