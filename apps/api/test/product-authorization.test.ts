import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, rolesInProduct, type Role } from '@ordo/domain';
import { startTestApp, type Client, type TestApp } from './harness';
import { twoTeamProduct, type TwoTeamProduct } from './product-helpers';
import { productCases, type ProductAuthzFixture } from './authz/product-routes';
import { newInviteeEmail } from './invitation-helpers';
import { changedTables, scopedState } from './database-state';

/**
 * The authorization matrix of the product routes (and the routes outside any project), generated from the
 * policy table: every route × each product role (admin, PM, stakeholder), each team role held in one team
 * of the product only (admin, PO, PM, SM, developer, stakeholder), someone with no part in the product and
 * a stranger. The expected answer is `can(rolesInProduct(...), action)`; denied callers get 403 and change
 * nothing, outsiders 404, strangers 401.
 */
let t: TestApp;
let p: TwoTeamProduct;
let fixture: ProductAuthzFixture;
const callers: { name: string; client: () => Client; product: Role[] | null; team: Role[][] }[] = [];

beforeAll(async () => {
  t = await startTestApp();
  p = await twoTeamProduct(t);
  const base = `/api/products/${p.product}`;
  fixture = {
    t,
    base,
    cpo: p.cpo,
    teamA: p.teamA,
    newEpic: async () => {
      const reply = await p.cpo.post(`${base}/epics`, { title: 'Fixture epic' });
      if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
      return reply.body.epic.id as string;
    },
    newInvitation: async () => {
      const reply = await p.cpo.post(`${base}/invitations`, {
        email: newInviteeEmail(),
        roles: ['product_manager'],
      });
      if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
      return reply.body.invitation.id as string;
    },
    newFeedback: async () => {
      const reply = await p.cpo.post(`${base}/feedback`, { body: 'Fixture feedback' });
      if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
      return reply.body.feedback.id as string;
    },
    newMember: async () => {
      const user = (await t.register('Member')).user!;
      const reply = await p.cpo.post(`${base}/members`, { email: user.email, roles: ['stakeholder'] });
      if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
      return user.id;
    },
  };
  // The CPO made both teams: admin of the product and of each team.
  callers.push(
    { name: 'product admin', client: () => p.cpo, product: ['admin'], team: [['admin'], ['admin']] },
    { name: 'product PM', client: () => p.pm, product: ['product_manager'], team: [] },
    { name: 'product stakeholder', client: () => p.stakeholder, product: ['stakeholder'], team: [] },
    { name: 'team PO', client: () => p.poA, product: null, team: [['product_owner']] },
    { name: 'team developer', client: () => p.devA, product: null, team: [['developer']] },
  );
  for (const role of ['admin', 'product_manager', 'scrum_master', 'stakeholder'] as const) {
    const member = await t.register(`Team ${role}`);
    const added = await p.cpo.post(`/api/projects/${p.teamA}/members`, {
      email: member.user!.email,
      roles: [role],
    });
    if (added.status !== 201) throw new Error(JSON.stringify(added.body));
    callers.push({ name: `team ${role}`, client: () => member, product: null, team: [[role]] });
  }
});
afterAll(() => t.close());

function expected(caller: (typeof callers)[number] | 'outsider' | 'anonymous', action: Action) {
  if (caller === 'anonymous') return 'unauthenticated';
  if (action === null) return 'allowed';
  if (caller === 'outsider') return 'not_found';
  return can(rolesInProduct(caller.product, caller.team), action) ? 'allowed' : 'forbidden';
}
type Action = (typeof productCases)[number]['action'];

/** What a refused request must leave as it was: every row of the product and of both its teams. */
const productState = () => scopedState(t, { products: [p.product], projects: [p.teamA, p.teamB] });

describe('product authorization matrix', () => {
  it('has a case for every route of the OpenAPI document outside a project that a member reaches', async () => {
    const spec = (await t.anonymous.get('/api/docs/json')).body;
    const routes = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const productRoutes = routes.filter((r) => r.includes('/api/products') || r.endsWith('/api/portfolio'));
    const covered = new Set(productCases.map((c) => c.route));
    expect(productRoutes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
  });

  for (const c of productCases) {
    it(`${c.route} needs ${c.action ?? 'a session'}`, async () => {
      const unexpected: string[] = [];
      const all = [...callers, 'outsider' as const, 'anonymous' as const];
      for (const caller of all) {
        const client =
          caller === 'anonymous' ? t.anonymous : caller === 'outsider' ? p.outsider : caller.client();
        const name = typeof caller === 'string' ? caller : caller.name;
        const { path, body } = await c.request(fixture, client);
        const before = await productState();
        const reply = await client.request(c.route.split(' ')[0]!, path, body);
        const want = expected(caller, c.action);
        const got = reply.status < 300 ? 'allowed' : reply.body?.error?.code;
        if (got !== want)
          unexpected.push(`${name}: expected ${want}, got ${reply.status} ${JSON.stringify(reply.body)}`);
        const changed = want === 'allowed' ? [] : changedTables(before, await productState());
        if (changed.length > 0) unexpected.push(`${name}: a refused request changed ${changed.join(', ')}`);
      }
      expect(unexpected).toEqual([]);
    });
  }
});
