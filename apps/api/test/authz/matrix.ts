import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '@ordo/domain';
import { startTestApp, TEAM_ROLES, type Team, type TestApp } from '../harness';
import { lastSeqOf } from '../database-state';
import { authzFixture, loadAuthzCases } from './fixture';
import type { AuthzCase, AuthzFixture } from './types';

const callers = [
  ...(Object.keys(TEAM_ROLES) as (keyof typeof TEAM_ROLES)[]),
  'outsider',
  'anonymous',
] as const;

function expectedStatus(caller: (typeof callers)[number], action: AuthzCase['action']) {
  if (caller === 'anonymous') return 'unauthenticated';
  if (caller === 'outsider') return 'not_found';
  return can(TEAM_ROLES[caller], action) ? 'allowed' : 'forbidden';
}

/**
 * The authorization matrix, generated from the policy table: every project route × admin, PO, PM, SM,
 * developer, stakeholder, a non-member and a stranger. Allowed callers must succeed, denied members get
 * 403 and change nothing, outsiders 404, strangers 401. The cases are dealt round-robin to `parts` files
 * (authorization-<part>.test.ts), each with its own app, so the matrix spreads over the workers.
 */
export async function describeAuthorizationMatrix(part: number, parts: number) {
  const cases = await loadAuthzCases();
  let t: TestApp;
  let team: Team;
  let fixture: AuthzFixture;
  beforeAll(async () => {
    t = await startTestApp();
    team = await t.projectWithTeam();
    fixture = authzFixture(t, team);
  });
  afterAll(() => t.close());

  describe(`authorization matrix, part ${part} of ${parts}`, () => {
    it('has a case for every project route of the OpenAPI document, and a file for every part', async () => {
      const spec = (await t.anonymous.get('/api/docs/json')).body;
      const routes = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      );
      const projectRoutes = routes.filter((r) => r.includes('/api/projects/{key}'));
      const covered = new Set(cases.map((c) => c.route));
      expect(projectRoutes.filter((r) => !covered.has(r))).toEqual([]);
      expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
      const files = readdirSync(new URL('../', import.meta.url)).filter((f) =>
        /^authorization-\d+\.test\.ts$/.test(f),
      );
      expect(files.sort()).toEqual(Array.from({ length: parts }, (_, i) => `authorization-${i + 1}.test.ts`));
    });

    for (const c of cases.filter((_, i) => i % parts === part - 1)) {
      it(`${c.route}${c.name ? ` (${c.name})` : ''} needs ${c.action}`, async () => {
        const unexpected: string[] = [];
        for (const caller of callers) {
          const client = caller === 'anonymous' ? team.anonymous : team[caller];
          const { path, body } = await c.request(fixture, client);
          const seqBefore = await lastSeqOf(t, team.key);
          const reply = await client.request(c.route.split(' ')[0]!, path, body);
          const expected = expectedStatus(caller, c.action);
          const got = reply.status < 300 ? 'allowed' : reply.body?.error?.code;
          if (got !== expected)
            unexpected.push(
              `${caller}: expected ${expected}, got ${reply.status} ${JSON.stringify(reply.body)}`,
            );
          if (expected !== 'allowed' && (await lastSeqOf(t, team.key)) !== seqBefore)
            unexpected.push(`${caller}: a refused request wrote events`);
        }
        expect(unexpected).toEqual([]);
      });
    }
  });
}
