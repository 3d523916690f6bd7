import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    // Two files at a time on two cores: an e2e file spends most of its time waiting on the browser and
    // the server it drives, each its own (a server process on a copy of the template data dir, a browser).
    maxWorkers: 2,
    projects: [
      // Pure logic runs in Node; components (and the few .test.ts files that say `@vitest-environment jsdom`
      // at their top) get a DOM.
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['src/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'components', environment: 'jsdom', include: ['src/**/*.test.tsx'] },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/template-data.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
