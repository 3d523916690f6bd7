import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { productInvitations } from '@ordo/db';
import { Client, sessionOf, startTestApp, type TestApp } from './harness';
import { expectInvalid, expectRefusal } from './expect';
import { twoTeamProduct, type TwoTeamProduct } from './product-helpers';
import { linkIn, startSmtp, type TestSmtp } from './smtp';

let smtp: TestSmtp;
let t: TestApp;
let p: TwoTeamProduct;
let base: string;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ mail: { smtpUrl: smtp.url, from: 'Ordo <ordo@people.test>', retryBaseMs: 20 } });
  p = await twoTeamProduct(t);
  base = `/api/products/${p.product}`;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const password = 'correct horse battery';
let n = 0;
const newEmail = () => `pguest${n++}.${Date.now().toString(36)}@people.test`;
const tokenOf = (url: string) => url.split('/').at(-1)!;

async function invite(email = newEmail(), roles = ['stakeholder']) {
  const reply = await p.cpo.post(`${base}/invitations`, { email, roles });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { email, ...(reply.body.invitation as { id: string; acceptUrl: string }) };
}
const pendingIds = async () =>
  (await p.cpo.get(`${base}/invitations`)).body.items.map((i: { id: string }) => i.id);

describe('invitations to a product', () => {
  it('the product admin invites someone without an account as PM; the mail names the product; accepting makes them a product member of every team', async () => {
    const email = newEmail();
    const created = await invite(email, ['product_manager']);
    expect(created).toMatchObject({ email, roles: ['product_manager'] });
    expect(await pendingIds()).toContain(created.id);

    const mail = await smtp.next((m) => m.rcpt.includes(email));
    expect(mail.subject).toBe(`${p.cpo.user!.name} invited you to the product Product ${p.product} on Ordo`);
    const link = linkIn(mail, `${t.url}/invitations/`);
    expect(link).toBe(created.acceptUrl);

    const shown = await t.anonymous.get(`/api/invitations/${tokenOf(link)}`);
    expect(shown.status).toBe(200);
    // Named by its product, and by no project (a project invitation's shape is the first wave's).
    expect(shown.body.invitation).toStrictEqual({
      email,
      roles: ['product_manager'],
      product: { key: p.product, name: `Product ${p.product}` },
      inviter: { name: p.cpo.user!.name },
      hasAccount: false,
    });

    const accepted = await t.anonymous.post(`/api/invitations/${tokenOf(link)}/accept`, {
      name: 'Pia PM',
      password,
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toStrictEqual({
      user: expect.objectContaining({ email, name: 'Pia PM' }),
      product: { key: p.product, name: `Product ${p.product}` },
    });
    const pia = new Client(t.url, sessionOf(accepted), accepted.body.user);
    const mine = (await pia.get('/api/products')).body.items;
    expect(mine.map((i: { key: string; roles: string[] }) => [i.key, i.roles])).toEqual([
      [p.product, ['product_manager']],
    ]);
    // A product role holds in every team: she reads both backlogs and orders the roadmap.
    for (const team of [p.teamA, p.teamB])
      expect((await pia.get(`/api/projects/${team}/backlog`)).status).toBe(200);
    expect((await pia.post(`${base}/epics`, { title: 'From the invitee' })).status).toBe(201);

    expect(await pendingIds()).not.toContain(created.id);
    expectRefusal(
      await t.anonymous.post(`/api/invitations/${tokenOf(link)}/accept`, { name: 'Again', password }),
      404,
      'not_found',
    );
    const members = (await p.cpo.get(`${base}/members`)).body.items.filter(
      (m: { user: { email: string } }) => m.user.email === email,
    );
    expect(members.map((m: { roles: string[] }) => m.roles)).toEqual([['product_manager']]);
  });

  it('an account that exists accepts signed in, and the link of a team invitation still names its project', async () => {
    const known = await t.register('Known');
    const { acceptUrl } = await invite(known.user!.email);
    expect((await t.anonymous.get(`/api/invitations/${tokenOf(acceptUrl)}`)).body.invitation.hasAccount).toBe(
      true,
    );
    const joined = await known.post(`/api/invitations/${tokenOf(acceptUrl)}/accept`, {});
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body.product).toEqual({ key: p.product, name: `Product ${p.product}` });
    expect(joined.headers.getSetCookie()).toEqual([]);
    expect((await known.get(`${base}/members`)).status).toBe(200);
    // Already in: a second invitation of theirs is refused when sent.
    expectRefusal(
      await p.cpo.post(`${base}/invitations`, { email: known.user!.email, roles: ['stakeholder'] }),
      409,
      'conflict',
      'email',
    );

    const team = await p.cpo.post(`/api/projects/${p.teamA}/invitations`, {
      email: newEmail(),
      roles: ['developer'],
    });
    const shown = await t.anonymous.get(`/api/invitations/${tokenOf(team.body.invitation.acceptUrl)}`);
    expect(Object.keys(shown.body.invitation).sort()).toEqual([
      'email',
      'hasAccount',
      'inviter',
      'project',
      'roles',
    ]);
    expect(shown.body.invitation.project).toEqual({ key: p.teamA, name: `Team ${p.teamA}` });
  });

  it('offers product roles only, and re-inviting replaces the pending invitation', async () => {
    expectInvalid(
      await p.cpo.post(`${base}/invitations`, { email: newEmail(), roles: ['developer'] }),
      'roles',
    );
    expectInvalid(
      await p.cpo.post(`${base}/invitations`, { email: 'not an email', roles: ['admin'] }),
      'email',
    );
    const email = newEmail();
    const first = await invite(email);
    const second = await invite(email, ['admin', 'stakeholder']);
    const pending = (await p.cpo.get(`${base}/invitations`)).body.items.filter(
      (i: { email: string }) => i.email === email,
    );
    expect(pending.map((i: { id: string; roles: string[] }) => [i.id, i.roles])).toEqual([
      [second.id, ['admin', 'stakeholder']],
    ]);
    expectRefusal(await t.anonymous.get(`/api/invitations/${tokenOf(first.acceptUrl)}`), 404, 'not_found');
  });

  it('revoked or expired, a link answers 404; revoking twice too; only a hash is stored', async () => {
    const revoked = await invite();
    expect((await p.cpo.delete(`${base}/invitations/${revoked.id}`)).status).toBe(204);
    expectRefusal(await p.cpo.delete(`${base}/invitations/${revoked.id}`), 404, 'not_found');
    const expired = await invite();
    await t.database.db
      .update(productInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(productInvitations.id, expired.id));
    for (const { acceptUrl } of [revoked, expired]) {
      expectRefusal(await t.anonymous.get(`/api/invitations/${tokenOf(acceptUrl)}`), 404, 'not_found');
      expectRefusal(
        await t.anonymous.post(`/api/invitations/${tokenOf(acceptUrl)}/accept`, { name: 'X', password }),
        404,
        'not_found',
      );
    }
    expect(await pendingIds()).not.toContain(expired.id);
    const [row] = await t.database.db
      .select()
      .from(productInvitations)
      .where(eq(productInvitations.id, expired.id));
    expect(JSON.stringify(row)).not.toContain(tokenOf(expired.acceptUrl));
  });

  it("a product's invitation is its own: another product's admin neither lists nor revokes it", async () => {
    const { id } = await invite();
    const other = await t.register('Other CPO');
    const key = `Q${Date.now().toString(36).toUpperCase().slice(-6)}`;
    await other.post('/api/products', { key, name: 'Other' });
    expectRefusal(await other.delete(`/api/products/${key}/invitations/${id}`), 404, 'not_found');
    expect((await other.get(`/api/products/${key}/invitations`)).body.items).toEqual([]);
    expect(await pendingIds()).toContain(id);
  });

  it('two accepts racing make one account and one membership', async () => {
    const { email, acceptUrl } = await invite();
    const replies = await Promise.all(
      [1, 2, 3].map((i) =>
        t.anonymous.post(`/api/invitations/${tokenOf(acceptUrl)}/accept`, { name: `Racer ${i}`, password }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 404, 404]);
    const members = (await p.cpo.get(`${base}/members`)).body.items.filter(
      (m: { user: { email: string } }) => m.user.email === email,
    );
    expect(members).toHaveLength(1);
  });
});
