import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '@ordo/db';
import { eq } from 'drizzle-orm';
import { DEFAULT_LIMITS } from '../src/lib/limits';
import { hashSecret } from '../src/lib/secrets';
import { Client, sessionOf, startTestApp, type TestApp } from './harness';
import { expectInvalid, expectRefusal } from './expect';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ limits: { tokenMint: { ...DEFAULT_LIMITS.tokenMint, limit: 5 } } });
});
afterAll(() => t.close());

const withCookie = (secret: string) => ({ cookie: `ordo_session=${secret}` });

async function mint(user: Client, body: Record<string, unknown> = { name: 'CI script' }) {
  const reply = await user.post('/api/me/tokens', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { ...reply.body, client: new Client(t.url, reply.body.token, user.user) } as {
    id: string;
    token: string;
    client: Client;
  };
}

describe('personal access tokens', () => {
  it('are listed without their secret, with when they were made, last used and expire', async () => {
    const user = await t.register('Lister');
    const forever = await mint(user, { name: 'Forever' });
    const monthly = await mint(user, { name: 'Monthly', expiresInDays: 30 });
    expect((await forever.client.get('/api/me')).status).toBe(200);
    const list = await user.get('/api/me/tokens');
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(forever.token);
    const byName = Object.fromEntries(list.body.items.map((i: { name: string }) => [i.name, i]));
    expect(Object.keys(byName).sort()).toEqual(['Forever', 'Monthly']);
    expect(byName.Forever).toMatchObject({
      id: forever.id,
      expiresAt: null,
      lastUsedAt: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(byName.Monthly.lastUsedAt).toBeNull();
    const days = (Date.parse(byName.Monthly.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(monthly.id).toBe(byName.Monthly.id);
    // Someone else sees none of them.
    expect((await (await t.register('Other')).get('/api/me/tokens')).body.items).toEqual([]);
  });

  it('stop working at once when revoked; another user cannot revoke them', async () => {
    const user = await t.register('Revoker');
    const { id, client } = await mint(user);
    const stranger = await t.register('Stranger');
    expectRefusal(await stranger.delete(`/api/me/tokens/${id}`), 404, 'not_found');
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await user.delete(`/api/me/tokens/${id}`)).status).toBe(204);
    expectRefusal(await client.get('/api/me'), 401, 'unauthenticated');
    expectRefusal(await user.delete(`/api/me/tokens/${id}`), 404, 'not_found');
    expectInvalid(await user.delete('/api/me/tokens/not-an-id'), 'id');
  });

  it('cannot mint tokens', async () => {
    const { client } = await mint(await t.register('Minter'));
    expectRefusal(await client.post('/api/me/tokens', { name: 'Child' }), 403, 'forbidden');
  });

  it('are not accepted as the session cookie', async () => {
    const user = await t.register('Cookie');
    const { token } = await mint(user);
    const anonymous = new Client(t.url);
    expectRefusal(
      await anonymous.request('GET', '/api/me', undefined, withCookie(token)),
      401,
      'unauthenticated',
    );
    expect((await anonymous.request('GET', '/api/me', undefined, withCookie(user.token!))).status).toBe(200);
  });

  it('are revoked by logging out with them', async () => {
    const user = await t.register('Leaver');
    const { client } = await mint(user);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expectRefusal(await client.get('/api/me'), 401, 'unauthenticated');
    expect((await user.get('/api/me')).status).toBe(200);
  });

  it('expire', async () => {
    const user = await t.register('Expiring');
    const { client, id } = await mint(user, { name: 'Short', expiresInDays: 1 });
    const { apiTokens } = await import('@ordo/db');
    await t.database.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, id));
    expectRefusal(await client.get('/api/me'), 401, 'unauthenticated');
  });

  it('are minted at most so many an hour per user, answering 429 with Retry-After', async () => {
    const user = await t.register('Busy');
    for (let i = 0; i < 5; i++) await mint(user, { name: `T${i}` });
    const refused = await user.post('/api/me/tokens', { name: 'One too many' });
    expectRefusal(refused, 429, 'rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await expect(
      (await t.register('Fresh')).post('/api/me/tokens', { name: 'Mine' }).then((r) => r.status),
    ).resolves.toBe(201);
  });

  it('refuse a bad expiry naming the field', async () => {
    const user = await t.register('Picky');
    expectInvalid(await user.post('/api/me/tokens', { name: 'X', expiresInDays: 0 }), 'expiresInDays');
    expectInvalid(await user.post('/api/me/tokens', { name: 'X', expiresInDays: 1.5 }), 'expiresInDays');
  });

  it('need a signed-in caller', async () => {
    expectRefusal(await t.anonymous.get('/api/me/tokens'), 401, 'unauthenticated');
    expectRefusal(await t.anonymous.post('/api/me/tokens', { name: 'X' }), 401, 'unauthenticated');
    expectRefusal(
      await t.anonymous.delete('/api/me/tokens/00000000-0000-4000-8000-000000000000'),
      401,
      'unauthenticated',
    );
  });
});

describe('sessions', () => {
  it('end everywhere with logout-everywhere: every session goes, tokens stay', async () => {
    const user = await t.register('Everywhere');
    const email = user.user!.email;
    const other = new Client(
      t.url,
      sessionOf(await t.anonymous.post('/api/auth/login', { email, password: 'correct horse battery' })),
    );
    const { client: script } = await mint(user);
    expect((await other.post('/api/auth/logout-everywhere')).status).toBe(204);
    expectRefusal(await user.get('/api/me'), 401, 'unauthenticated');
    expectRefusal(await other.get('/api/me'), 401, 'unauthenticated');
    expect((await script.get('/api/me')).status).toBe(200);
    expectRefusal(await t.anonymous.post('/api/auth/logout-everywhere'), 401, 'unauthenticated');
  });

  it('end after two weeks unused, even before they expire', async () => {
    const user = await t.register('Idle');
    const hash = hashSecret(user.token!);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 13 * 86_400_000) })
      .where(eq(sessions.tokenHash, hash));
    expect((await user.get('/api/me')).status).toBe(200); // used again: the clock restarts
    const [touched] = await t.database.db.select().from(sessions).where(eq(sessions.tokenHash, hash));
    expect(Date.now() - touched!.lastSeenAt.getTime()).toBeLessThan(60_000);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 15 * 86_400_000) })
      .where(eq(sessions.tokenHash, hash));
    expectRefusal(await user.get('/api/me'), 401, 'unauthenticated');
  });
});

describe('the password', () => {
  it('cannot be changed with a personal access token', async () => {
    const user = await t.register('Careful');
    const { client } = await mint(user);
    const body = { current: 'correct horse battery', password: 'another long phrase' };
    expectRefusal(await client.put('/api/me/password', body), 403, 'forbidden');
    expect((await user.put('/api/me/password', body)).status).toBe(204);
  });
});
