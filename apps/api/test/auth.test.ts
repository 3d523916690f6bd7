import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, sessions } from '@ordo/db';
import { Client, sessionOf, startTestApp, type TestApp } from './harness';
import { expectInvalid, expectRefusal } from './expect';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const password = 'correct horse battery';
let n = 0;
const newEmail = () => `person${n++}@auth.test`;

describe('accounts', () => {
  it('registers with a session cookie that is httpOnly and SameSite=Lax', async () => {
    const email = newEmail();
    const reply = await t.anonymous.post('/api/auth/register', {
      email: email.toUpperCase(),
      name: 'Ada',
      password,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.user).toMatchObject({ email, name: 'Ada' });
    expect(reply.body.user.passwordHash).toBeUndefined();
    const cookie = reply.headers.getSetCookie().find((c) => c.startsWith('ordo_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http here; Secure is set behind https
  });

  it('refuses a taken email, a bad email and a short password, naming the field', async () => {
    const email = newEmail();
    await t.anonymous.post('/api/auth/register', { email, name: 'A', password });
    expectRefusal(
      await t.anonymous.post('/api/auth/register', { email, name: 'B', password }),
      409,
      'conflict',
      'email',
    );
    expectInvalid(
      await t.anonymous.post('/api/auth/register', { email: 'nope', name: 'B', password }),
      'email',
    );
    expectInvalid(
      await t.anonymous.post('/api/auth/register', { email: newEmail(), name: 'B', password: 'short' }),
      'password',
    );
    expectInvalid(await t.anonymous.post('/api/auth/register', { email: newEmail(), password }), 'name');
  });

  it('logs in with a new session each time, and logs out', async () => {
    const email = newEmail();
    await t.anonymous.post('/api/auth/register', { email, name: 'Lin', password });
    const first = await t.anonymous.post('/api/auth/login', { email, password });
    const second = await t.anonymous.post('/api/auth/login', { email, password });
    expect(first.status).toBe(200);
    expect(sessionOf(first)).not.toBe(sessionOf(second));
    const lin = new Client(t.url, sessionOf(first));
    expect((await lin.get('/api/me')).body.user.email).toBe(email);
    expect((await lin.post('/api/auth/logout')).status).toBe(204);
    expectRefusal(await lin.get('/api/me'), 401, 'unauthenticated');
    expect((await new Client(t.url, sessionOf(second)).get('/api/me')).status).toBe(200);
  });

  it('answers 401 to a wrong password and 429 after ten failures from one address', async () => {
    const email = newEmail();
    await t.anonymous.post('/api/auth/register', { email, name: 'Max', password });
    for (let i = 0; i < 10; i++) {
      expectRefusal(
        await t.anonymous.post('/api/auth/login', { email, password: 'wrong guess' }),
        401,
        'unauthenticated',
      );
    }
    expectRefusal(await t.anonymous.post('/api/auth/login', { email, password }), 429, 'rate_limited');
  });

  it('does not let a client pick its address with X-Forwarded-For to dodge the limit', async () => {
    const email = newEmail();
    await t.anonymous.post('/api/auth/register', { email, name: 'Eve', password });
    for (let i = 0; i < 10; i++) {
      await t.anonymous.request(
        'POST',
        '/api/auth/login',
        { email, password: 'wrong guess' },
        { 'x-forwarded-for': `10.0.0.${i}` },
      );
    }
    const last = await t.anonymous.request(
      'POST',
      '/api/auth/login',
      { email, password },
      { 'x-forwarded-for': '10.0.0.99' },
    );
    expectRefusal(last, 429, 'rate_limited');
  });

  it('stores sessions and tokens only as hashes, and accepts a personal token as Bearer', async () => {
    const user = await t.register('Tok');
    const reply = await user.post('/api/me/tokens', { name: 'CI script' });
    expect(reply.status).toBe(201);
    const token: string = reply.body.token;
    expect(token.length).toBeGreaterThan(40);
    const script = new Client(t.url, token);
    expect((await script.get('/api/me')).body.user.id).toBe(user.user!.id);
    const stored = [
      ...(await t.database.db.select().from(apiTokens)).map((r) => r.tokenHash),
      ...(await t.database.db.select().from(sessions)).map((r) => r.tokenHash),
    ];
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(user.token);
  });

  it('lists my projects with my roles', async () => {
    const team = await t.projectWithTeam();
    const me = await team.pm.get('/api/me');
    expect(me.body.projects).toEqual([
      {
        key: team.key,
        name: `Project ${team.key}`,
        roles: ['product_manager'],
        product: { key: team.key, name: `Project ${team.key}` },
      },
    ]);
    expect((await team.outsider.get('/api/me')).body.projects).toEqual([]);
  });

  it('takes state-changing requests as JSON only, so a cross-site form cannot post', async () => {
    const reply = await t.anonymous.request(
      'POST',
      '/api/auth/register',
      `email=${newEmail()}&name=X&password=${password}`,
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    expectInvalid(reply, 'content-type');
    const text = await t.anonymous.request('POST', '/api/auth/login', 'hello', {
      'content-type': 'text/plain',
    });
    expectInvalid(text, 'content-type');
  });
});

describe('service', () => {
  it('says it is healthy and which database it runs on', async () => {
    const reply = await t.anonymous.get('/api/health');
    expect(reply.body).toEqual({
      ok: true,
      db: process.env.ORDO_TEST_DB === 'postgres' ? 'postgres' : 'pglite',
    });
  });

  it('answers 503 when the database is unreachable', async () => {
    const down = await startTestApp();
    await down.database.close();
    const reply = await down.anonymous.get('/api/health');
    expectRefusal(reply, 503, 'unavailable');
    await down.close();
  });

  it('publishes the OpenAPI document and its UI', async () => {
    const spec = await t.anonymous.get('/api/docs/json');
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(spec.body.paths['/api/projects/{key}/backlog/rank'].post).toBeDefined();
    const ui = await fetch(`${t.url}/api/docs/`);
    expect(ui.status).toBe(200);
  });

  it('answers unknown API paths with the error shape', async () => {
    expectRefusal(await (await t.register('Lost')).get('/api/nothing-here'), 404, 'not_found');
    expectRefusal(await t.anonymous.get('/api/nothing-here'), 401, 'unauthenticated');
  });
});
