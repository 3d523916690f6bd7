// @ts-check
/**
 * One lint for the repo: the recommended JavaScript and type-checked TypeScript rules, and the import
 * boundaries docs/architecture.md states (who may import what). `scripts/check-lint-rules.mjs` plants one
 * violation of each boundary and checks this config reports it.
 */
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import ordo from './scripts/no-module-cycle.mjs';

/** Node's built-in modules, by both spellings (`node:fs` and `fs`). */
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'net',
  'http',
  'https',
  'child_process',
];

const domainIsPure = {
  paths: [],
  patterns: [
    { group: NODE_BUILTINS, message: 'packages/domain is pure rules: no I/O (no Node built-ins).' },
    {
      group: ['@ordo/db', '@ordo/db/*', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'],
      message: 'packages/domain is pure rules: no database.',
    },
    { group: ['fastify', 'fastify/*', '@fastify/*'], message: 'packages/domain is pure rules: no HTTP.' },
  ],
};

const webStaysOnTheContract = {
  paths: [],
  patterns: [
    {
      group: [
        '@ordo/db',
        '@ordo/db/*',
        '@ordo/api',
        '@ordo/api/*',
        '**/api/src/**',
        'drizzle-orm',
        'drizzle-orm/*',
      ],
      message:
        'apps/web talks to the API over HTTP: the contract is @ordo/domain, never the database or API code.',
    },
  ],
};

/**
 * A module may use another module only through its public files: `service.ts` (its operations),
 * `queries.ts` (its reads) and, for the events module, `log.ts` (the one write path into the event log).
 * Anything shared beyond that lives in `src/lib/`.
 */
const modulesMeetAtPublicFiles = {
  paths: [],
  patterns: [
    {
      regex: '^\\.\\./(?:\\.\\./modules/)?[a-z-]+/(?!(?:service|queries)$)(?!log$)[^/]+$',
      message:
        "Another module is used only through its public files (service.ts, queries.ts; the event log's log.ts); move a shared helper to src/lib/.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/drizzle/**',
      '**/.turbo/**',
      '**/test-artifacts/**',
      'docs/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // The sanitisers (CSV, JSON bodies, mail headers, markup placeholders) match control characters on purpose.
      'no-control-regex': 'off',
      // Fastify handlers and hooks are async by contract, awaited or not.
      '@typescript-eslint/require-await': 'off',
      // React event props take `async` handlers; their promise is deliberately not awaited by React.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests, benchmarks and the demo seed drive the HTTP API and read its JSON replies as `any` on purpose:
    // the assertions (or the API's own validation) check the shape.
    files: [
      'apps/*/test/**',
      'apps/*/bench/**',
      'apps/web/e2e/**',
      '**/*.test.{ts,tsx}',
      'apps/api/src/seed/**',
    ],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (configs, scripts) has no types to check.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['apps/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', webStaysOnTheContract] },
  },
  {
    files: ['packages/domain/src/**'],
    rules: { 'no-restricted-imports': ['error', domainIsPure] },
  },
  {
    files: ['apps/api/src/modules/**'],
    plugins: { ordo },
    rules: {
      'no-restricted-imports': ['error', modulesMeetAtPublicFiles],
      // No two modules depend on each other, directly or round a loop (scripts/no-module-cycle.mjs).
      'ordo/no-module-cycle': 'error',
    },
  },
  {
    // The environment is read in one place; tests, benchmarks and configs set up their own.
    files: ['apps/api/src/**', 'apps/web/src/**', 'packages/*/src/**'],
    ignores: ['apps/api/src/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment in apps/api/src/env.ts only.' },
      ],
    },
  },
);
