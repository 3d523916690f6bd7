import { defineConfig } from 'vitest/config';

/**
 * The API suite runs once on PGlite and, when TEST_DATABASE_URL is set (CI sets it), once more on
 * PostgreSQL: same tests, same migrations, both databases first-class.
 */
const databases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: databases.map((db) => ({
      extends: true,
      test: { name: db, include: ['test/**/*.test.ts'], env: { ORDO_TEST_DB: db } },
    })),
  },
});
