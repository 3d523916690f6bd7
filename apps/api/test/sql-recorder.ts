import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

/**
 * The SQL the app sends, for the shard-key check (shard-rule.ts): every test database gets this logger, and
 * it keeps the statements issued by code the app runs (requests, sockets, its timers and listeners, all
 * started inside `asApp`), not the test's own reads and writes through `t.database.db`.
 */
const app = new AsyncLocalStorage<true>();
const statements = new Set<string>();

export const sqlRecorder = {
  logger: {
    logQuery: (query: string) => {
      if (app.getStore()) statements.add(query);
    },
  } satisfies Logger,
  /** Runs `start` (building the app, listening) so that everything it sets going is the app's. */
  asApp: <T>(start: () => T): T => app.run(true, start),
  /** What the app has sent in this file so far, each statement once. */
  statements: () => [...statements],
  /** Forgets a statement a test planted on purpose (sharding.test.ts), so the file's own check passes. */
  discard: (statement: string) => statements.delete(statement),
};
