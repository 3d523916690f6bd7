import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@ordo/db';
import { Client, startTestApp, type TestApp } from './harness';
import { Browser, CLIENT, formOf, PROVIDER_ACCOUNTS, startOidcProvider } from './oidc-provider';

/**
 * Single sign-on against a real OpenID provider (`oidc-provider` on 127.0.0.1), driven like a browser with
 * plain HTTP: Ordo's "Sign in with …" link, the provider's login and consent pages, the way back.
 */
let t: TestApp;
let idp: Awaited<ReturnType<typeof startOidcProvider>>;

beforeAll(async () => {
  idp = await startOidcProvider();
  t = await startTestApp({
    oidc: { issuer: idp.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, name: 'Test IdP' },
  });
  idp.allow(t.url);
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

const isCallback = (url: URL) => url.origin === t.url && url.pathname === '/api/auth/oidc/callback';

/** From Ordo's start link through the provider's pages (signed in as `login`) to the address back to Ordo. */
async function throughProvider(browser: Browser, login: string, next = '/projects') {
  let at = await browser.follow(`${t.url}/api/auth/oidc/start?next=${encodeURIComponent(next)}`, isCallback);
  for (let page = 0; page < 4 && at.page; page++) {
    const form = formOf(at.page.text, at.page.url);
    const values =
      form.fields.prompt === 'login' ? { ...form.fields, login, password: 'any password' } : form.fields;
    const posted = await browser.fetch(form.action, { method: 'POST', form: values });
    const location = posted.res.headers.get('location');
    if (!location)
      throw new Error(`the provider's form answered ${posted.res.status}: ${posted.text.slice(0, 300)}`);
    at = await browser.follow(new URL(location, form.action).href, isCallback);
  }
  if (!at.stoppedAt)
    throw new Error(`never sent back to Ordo: ${at.page?.res.status} ${at.page?.text.slice(0, 300)}`);
  return at.stoppedAt;
}

const sessionClient = (browser: Browser) => new Client(t.url, browser.cookie(t.url, 'ordo_session'));

describe('single sign-on with OpenID Connect', () => {
  it('offers the provider on the login page', async () => {
    expect((await t.anonymous.get('/api/auth/sso')).body).toEqual({
      sso: { name: 'Test IdP', startUrl: '/api/auth/oidc/start' },
    });
  });

  it('signs a new person in through the provider: an account with their verified email, a session, back where they were going', async () => {
    const browser = new Browser();
    const callback = await throughProvider(browser, 'dana', '/projects/SHOP/board');
    const back = await browser.fetch(callback);
    expect(back.res.status).toBe(302);
    expect(back.res.headers.get('location')).toBe('/projects/SHOP/board');
    const me = await sessionClient(browser).get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'dana@sso.test', name: 'Dana Single' });
    // The pending sign-in is used up: the same way back again is refused.
    expect((await browser.fetch(callback)).res.status).toBe(400);
  });

  it('signs an existing account in by its email, without its password', async () => {
    const reply = await t.anonymous.post('/api/auth/register', {
      email: 'Carol@SSO.test',
      name: 'Carol',
      password: 'correct horse battery',
    });
    expect(reply.status).toBe(201);
    const browser = new Browser();
    expect((await browser.fetch(await throughProvider(browser, 'carol'))).res.status).toBe(302);
    const me = await sessionClient(browser).get('/api/me');
    expect(me.body.user).toMatchObject({ id: reply.body.user.id, email: 'carol@sso.test', name: 'Carol' });
    // Nobody can sign in with a password to an account made by single sign-on.
    expect(
      (await t.anonymous.post('/api/auth/login', { email: 'dana@sso.test', password: 'sso' })).status,
    ).toBe(401);
  });

  it('refuses a deactivated account', async () => {
    await t.database.db
      .update(users)
      .set({ deactivatedAt: new Date() })
      .where(eq(users.email, 'carol@sso.test'));
    const browser = new Browser();
    const back = await browser.fetch(await throughProvider(browser, 'carol'));
    expect(back.res.status).toBe(403);
    expect(JSON.parse(back.text).error.message).toContain('deactivated');
    expect(browser.cookie(t.url, 'ordo_session')).toBeUndefined();
    await t.database.db.update(users).set({ deactivatedAt: null }).where(eq(users.email, 'carol@sso.test'));
  });

  it('refuses an email the provider has not verified, and makes no account', async () => {
    const browser = new Browser();
    const back = await browser.fetch(await throughProvider(browser, 'eve'));
    expect(back.res.status).toBe(403);
    expect(JSON.parse(back.text).error).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('verified'),
    });
    expect(browser.cookie(t.url, 'ordo_session')).toBeUndefined();
    // The address is still free: registering it works (409 if the refused sign-in had made an account).
    const email = PROVIDER_ACCOUNTS.eve!.email;
    expect(
      (
        await t.anonymous.post('/api/auth/register', {
          email,
          name: 'Eve',
          password: 'correct horse battery',
        })
      ).status,
    ).toBe(201);
  });

  it("refuses a way back that another browser's sign-in started (a bad state): a login CSRF", async () => {
    const attacker = new Browser();
    const attackersCallback = await throughProvider(attacker, 'dana');
    const victim = new Browser();
    await victim.follow(`${t.url}/api/auth/oidc/start`, (url) => url.origin === idp.issuer);
    expect(victim.cookie(t.url, 'ordo_oidc')).toBeDefined();
    const back = await victim.fetch(attackersCallback);
    expect(back.res.status).toBe(400);
    expect(JSON.parse(back.text).error).toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('state'),
    });
    expect(victim.cookie(t.url, 'ordo_session')).toBeUndefined();

    // Its own state, tampered with, fails the same way; and no sign-in started at all.
    const tampered = new URL(await throughProvider(victim, 'dana'));
    tampered.searchParams.set('state', 'forged');
    expect((await victim.fetch(tampered.href)).res.status).toBe(400);
    expect((await new Browser().fetch(`${t.url}/api/auth/oidc/callback?code=x&state=y`)).res.status).toBe(
      400,
    );
  });

  it('sends no one elsewhere after signing in: a foreign `next` lands on the projects page', async () => {
    const browser = new Browser();
    const back = await browser.fetch(await throughProvider(browser, 'dana', '//evil.test/phish'));
    expect(back.res.headers.get('location')).toBe('/projects');
  });
});

describe('without OIDC configured', () => {
  it('offers no single sign-on and its routes answer 404', async () => {
    const plain = await startTestApp();
    try {
      expect((await plain.anonymous.get('/api/auth/sso')).body).toEqual({ sso: null });
      expect((await plain.anonymous.get('/api/auth/oidc/start')).status).toBe(404);
      expect((await plain.anonymous.get('/api/auth/oidc/callback?code=x&state=y')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('the login page with OIDC configured', () => {
  it('is told the provider’s name in index.html, escaped, at no extra request', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ordo-sso-web-'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html><head><title>Ordo</title></head><body></body></html>',
    );
    const withSso = await startTestApp({
      webDist: dist,
      oidc: { issuer: idp.issuer, clientId: CLIENT.id, clientSecret: undefined, name: 'Acme "SSO" <b>' },
    });
    try {
      for (const path of ['/', '/login?next=/projects']) {
        const res = await fetch(`${withSso.url}${path}`);
        expect(`${path} ${res.status}`).toBe(
          `${path} 200 ${res.status === 200 ? '' : await res.text()}`.trim(),
        );
        expect(res.headers.get('cache-control')).toBe('no-cache');
        expect(await res.text()).toContain(
          '<meta name="ordo-sso" content="Acme &#34;SSO&#34; &#60;b&#62;"></head>',
        );
      }
    } finally {
      await withSso.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
