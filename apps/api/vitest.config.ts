import { defineConfig } from 'vitest/config';

/**
 * The API suite runs once on PGlite and, when TEST_DATABASE_URL is set (CI sets it), once more on
 * PostgreSQL: same tests, same migrations, both databases first-class. Each run migrates one template
 * database (test/template-database.ts) that every file clones; files run in parallel, each on its own copy.
 */
const databases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two files at a time (vitest's default on two cores is one): each has its own database, and much of a
    // file's time is spent waiting on the other side of a socket.
    maxWorkers: 2,
    // A worker runs file after file in one module graph (the app, zod, drizzle and PGlite loaded once, its
    // code already compiled): a third less CPU than importing everything again per file. Each file still
    // has its own app and database; module state the app keeps (the test scrypt cost) is set per app.
    isolate: false,
    projects: databases.map((db) => ({
      extends: true,
      test: {
        name: db,
        include: ['test/**/*.test.ts'],
        env: { ORDO_TEST_DB: db },
        globalSetup: ['test/template-database.ts'],
        setupFiles: ['test/shard-check.setup.ts'],
      },
    })),
  },
});
