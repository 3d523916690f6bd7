import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { sqlRecorder } from './sql-recorder';
import { unshardedStatements, type Violation } from './shard-rule';

/**
 * Every API test file (vitest setupFiles): after its tests, each statement the app sent must pin its shard
 * key (shard-rule.ts). Verdicts are kept per statement in a folder named after the rule and the schema, so
 * a statement is parsed once for all the files of a run (and of the next run, while neither changes).
 */
const hash = (text: string) => createHash('sha1').update(text).digest('hex');
const rule = hash(
  ['./shard-rule.ts', '../../../packages/db/src/schema.ts']
    .map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'))
    .join('\n'),
);
const verdicts = join(tmpdir(), 'ordo-shard-check', rule.slice(0, 16));

function violationsOf(statement: string): Violation[] {
  const file = join(verdicts, `${hash(statement)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Violation[];
  const found = unshardedStatements([statement]);
  mkdirSync(verdicts, { recursive: true });
  // Written aside and renamed: another file's worker reading it meanwhile sees all of it or none.
  const aside = `${file}.${process.pid}`;
  writeFileSync(aside, JSON.stringify(found));
  renameSync(aside, file);
  return found;
}

afterAll(() => {
  const violations = sqlRecorder.statements().flatMap(violationsOf);
  expect(
    violations,
    'statements on project- or product-scoped tables that do not pin their shard key (docs/architecture.md, test/shard-rule.ts)',
  ).toEqual([]);
});
