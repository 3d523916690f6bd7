import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { spawnServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data dir the server initialised and migrated, then closed: every e2e server starts on a copy. */
    e2eDataDir: string;
  }
}

/**
 * vitest globalSetup of the e2e project: the server initialises and migrates one database per run (initdb
 * and the migrations are most of a fresh start's CPU) and stops cleanly; each file's server then opens a
 * copy of that folder, empty of users and projects like a fresh one.
 */
export default async function setup(project: TestProject) {
  const template = await spawnServer({});
  await template.drain();
  project.provide('e2eDataDir', template.dataDir);
  return () => rmSync(template.dataDir, { recursive: true, force: true });
}
