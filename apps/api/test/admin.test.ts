import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@ordo/db';
import { pruneAudit } from '../src/lib/audit';
import { Client, sessionOf, startTestApp, type TestApp } from './harness';
import { expectInvalid, expectRefusal } from './expect';
import { openLive } from './live-socket';

const password = 'correct horse battery';

describe('instance administration', () => {
  let t: TestApp;
  let admin: Client;
  let someone: Client;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.register('First');
    someone = await t.register('Second');
  });
  afterAll(() => t.close());

  it('makes the first registered user the instance admin, and nobody after', async () => {
    const users = await admin.get('/api/admin/users');
    expect(users.status).toBe(200);
    const byId = Object.fromEntries(users.body.items.map((u: { id: string }) => [u.id, u]));
    expect(byId[admin.user!.id]).toMatchObject({ isAdmin: true, deactivatedAt: null });
    expect(byId[someone.user!.id]).toMatchObject({ isAdmin: false });
  });

  it('refuses every admin route to non-admins (403), tokens of non-admins, and strangers (401)', async () => {
    const { body } = await someone.post('/api/me/tokens', { name: 'script' });
    const script = new Client(t.url, body.token);
    const routes: [string, string][] = [
      ['GET', '/api/admin/users'],
      ['GET', '/api/admin/audit'],
      ['POST', `/api/admin/users/${admin.user!.id}/deactivate`],
      ['POST', `/api/admin/users/${admin.user!.id}/reactivate`],
    ];
    for (const [method, path] of routes) {
      expectRefusal(await someone.request(method, path), 403, 'forbidden');
      expectRefusal(await script.request(method, path), 403, 'forbidden');
      expectRefusal(await t.anonymous.request(method, path), 401, 'unauthenticated');
    }
    expect(
      (await admin.get('/api/admin/users')).body.items.find((u: { id: string }) => u.id === admin.user!.id)
        .deactivatedAt,
    ).toBeNull();
  });

  it('deactivates a user: sessions, tokens and sockets end, sign-in is refused; reactivation lets them sign in', async () => {
    const victim = await t.register('Leaving');
    const token = (await victim.post('/api/me/tokens', { name: 'cron' })).body.token;
    const socket = await openLive(t.url, victim);
    const reply = await admin.post(`/api/admin/users/${victim.user!.id}/deactivate`);
    expect(reply.status).toBe(200);
    expect(reply.body.user.deactivatedAt).toEqual(expect.any(String));
    expect(await socket.closed).toBe(1008);
    expectRefusal(await victim.get('/api/me'), 401, 'unauthenticated');
    expectRefusal(await new Client(t.url, token).get('/api/me'), 401, 'unauthenticated');
    const login = await t.anonymous.post('/api/auth/login', { email: victim.user!.email, password });
    expectRefusal(login, 403, 'forbidden');
    expect((await admin.post(`/api/admin/users/${victim.user!.id}/reactivate`)).status).toBe(200);
    const again = await t.anonymous.post('/api/auth/login', { email: victim.user!.email, password });
    expect(again.status).toBe(200);
    expect((await new Client(t.url, sessionOf(again)).get('/api/me')).status).toBe(200);
  });

  it('will not let the admin deactivate themselves; unknown and malformed ids are refused', async () => {
    expectRefusal(await admin.post(`/api/admin/users/${admin.user!.id}/deactivate`), 409, 'conflict');
    expectRefusal(
      await admin.post('/api/admin/users/00000000-0000-4000-8000-000000000000/deactivate'),
      404,
      'not_found',
    );
    expectInvalid(await admin.post('/api/admin/users/nope/deactivate'), 'id');
  });

  it('reads the audit log: sign-ins, failures, lock-outs, tokens, deactivations, newest first, paged', async () => {
    const user = await t.register('Audited');
    const email = user.user!.email;
    await t.anonymous.post('/api/auth/login', { email, password: 'not my password' });
    await t.anonymous.post('/api/auth/login', { email, password });
    const { body: minted } = await user.post('/api/me/tokens', { name: 'audited token' });
    await user.delete(`/api/me/tokens/${minted.id}`);
    const log = await admin.get(`/api/admin/audit?user=${user.user!.id}`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((e: { kind: string }) => e.kind)).toEqual([
      'token_revoked',
      'token_created',
      'sign_in',
      'sign_in_failed',
      'registered',
    ]);
    expect(log.body.items[0]).toMatchObject({
      actor: { id: user.user!.id, email },
      subject: minted.id,
      address: '127.0.0.1',
      data: { name: 'audited token' },
    });
    expect(JSON.stringify(log.body)).not.toContain(minted.token);
    expect(JSON.stringify(log.body)).not.toContain(password);
    const failures = await admin.get('/api/admin/audit?kind=sign_in_failed&limit=1');
    expect(failures.body.items).toHaveLength(1);
    expect(failures.body.items[0].data).toEqual({ email });
    const page = await admin.get('/api/admin/audit?limit=2');
    const next = await admin.get(
      `/api/admin/audit?limit=2&before=${encodeURIComponent(page.body.nextBefore)}`,
    );
    expect(
      next.body.items[0].at < page.body.items[1].at || next.body.items[0].at === page.body.items[1].at,
    ).toBe(true);
    expectInvalid(await admin.get('/api/admin/audit?limit=0'), 'limit');
    expectInvalid(await admin.get('/api/admin/audit?before=yesterday'), 'before');
  });

  it('keeps audit entries 90 days', async () => {
    const old = new Date(Date.now() - 91 * 86_400_000);
    await t.database.db.insert(auditLog).values({ kind: 'sign_in', at: old, data: {} });
    await pruneAudit(t.database.db);
    const rows = await t.database.db.select().from(auditLog);
    expect(rows.every((r) => r.at.getTime() > Date.now() - 90 * 86_400_000)).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('ORDO_ADMIN_EMAIL', () => {
  it('makes that account the admin instead of the first one', async () => {
    const t = await startTestApp({ adminEmail: 'Boss@Example.test' });
    try {
      const first = await t.register('Early');
      const boss = await t.anonymous.post('/api/auth/register', {
        email: 'boss@example.test',
        name: 'Boss',
        password,
      });
      expectRefusal(await first.get('/api/admin/users'), 403, 'forbidden');
      expect((await new Client(t.url, sessionOf(boss)).get('/api/admin/users')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('the audit log of membership', () => {
  it('records members added, role changes and removals with who did it', async () => {
    const t = await startTestApp();
    try {
      const team = await t.projectWithTeam();
      const dev = team.dev.user!.id;
      expect(
        (await team.admin.patch(`/api/projects/${team.key}/members/${dev}`, { roles: ['scrum_master'] }))
          .status,
      ).toBe(200);
      expect((await team.admin.delete(`/api/projects/${team.key}/members/${dev}`)).status).toBeLessThan(300);
      const log = (await team.admin.get('/api/admin/audit?limit=500')).body.items.filter(
        (e: { subject: string }) => e.subject === dev,
      );
      expect(log.map((e: { kind: string }) => e.kind)).toEqual([
        'member_removed',
        'role_changed',
        'member_added',
      ]);
      expect(log[1]).toMatchObject({
        actor: { id: team.admin.user!.id },
        data: { from: ['developer'], to: ['scrum_master'] },
      });
    } finally {
      await t.close();
    }
  });
});
