/**
 * Proves the lint's boundaries can fail: plants one violation of each (and one allowed import beside it) in
 * temporary files where the rule applies, lints them with the repo's eslint.config.js and checks that exactly
 * the violations are reported. Run by `pnpm lint`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..');
const probe = `lint-probe-${process.pid}`;

/** Each planted file, and for each of its lines whether the boundary must report it. */
const plants = [
  {
    file: `apps/web/src/${probe}.ts`,
    boundary: 'the web never imports the database or API code',
    lines: [
      ["export { openDatabase } from '@ordo/db';", true],
      ["export { buildApp } from '../../api/src/app';", true],
      ["export { rankBetween } from '@ordo/domain';", false],
    ],
  },
  {
    file: `packages/domain/src/${probe}.ts`,
    boundary: 'the domain imports no I/O',
    lines: [
      ["export { readFileSync } from 'node:fs';", true],
      ["export { sql } from 'drizzle-orm';", true],
      ["export { fastify } from 'fastify';", true],
      ["export { z } from 'zod';", false],
    ],
  },
  {
    file: `apps/api/src/modules/backlog/${probe}.ts`,
    boundary: 'modules meet at public files or lib/',
    lines: [
      ["export { createStory } from '../stories/create';", true],
      ["export { saveStory } from '../stories/service';", false],
      ["export { loadStory } from '../stories/queries';", false],
      ["export { writeInProject } from '../events/log';", false],
      ["export { audit } from '../../lib/audit';", false],
      ["export { readMove } from './move-read';", false],
    ],
  },
  {
    // roadmap builds on epics: epics importing it back closes a loop; stories does not reach epics.
    file: `apps/api/src/modules/epics/${probe}.ts`,
    boundary: 'modules depend on each other one way',
    lines: [
      ["export { rankEpic } from '../roadmap/service';", true],
      ["export { loadStory } from '../stories/queries';", false],
      ["export type { ProjectScope } from '../../lib/scope';", false],
    ],
  },
  {
    file: `apps/api/src/lib/${probe}.ts`,
    boundary: 'process.env is read in env.ts only',
    lines: [
      ['export const port = process.env.PORT;', true],
      ['export const cwd = process.cwd();', false],
    ],
  },
];

const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) =>
    ['no-restricted-imports', 'no-restricted-properties', 'ordo/no-module-cycle'].includes(ruleId),
});

const failures = [];
try {
  for (const plant of plants)
    writeFileSync(join(root, plant.file), plant.lines.map(([line]) => line).join('\n') + '\n');
  const results = await eslint.lintFiles(plants.map((p) => join(root, p.file)));
  for (const plant of plants) {
    const result = results.find((r) => r.filePath === join(root, plant.file));
    const reported = new Set(result?.messages.map((m) => m.line));
    plant.lines.forEach(([line, mustReport], i) => {
      if (reported.has(i + 1) !== mustReport)
        failures.push(`${plant.boundary}: ${mustReport ? 'not reported' : 'reported but allowed'}: ${line}`);
    });
    const fatal = result?.messages.find((m) => m.fatal);
    if (fatal) failures.push(`${plant.file}: ${fatal.message}`);
  }
} finally {
  for (const plant of plants) rmSync(join(root, plant.file), { force: true });
}

if (failures.length) {
  console.error(`The lint boundaries do not hold:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `lint boundaries: ${plants.reduce((n, p) => n + p.lines.length, 0)} planted imports judged right`,
);
