import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, sessionOf, startTestApp, type TestApp } from './harness';
import { expectInvalid, expectRefusal } from './expect';
import { linkIn, startSmtp, type TestSmtp } from './smtp';

let smtp: TestSmtp;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ mail: { smtpUrl: smtp.url, retryBaseMs: 20 } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const password = 'correct horse battery';
const tokenOf = (url: string) => url.split('/').at(-1)!;

async function signIn(app: TestApp, email: string, pw = password) {
  const reply = await app.anonymous.post('/api/auth/login', { email, password: pw });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return new Client(app.url, sessionOf(reply), reply.body.user);
}

describe('password reset by mail', () => {
  it('answers 202 whether the email has an account or not, and mails a link only to an account', async () => {
    const ada = await t.register('Ada');
    const sent = await t.anonymous.post('/api/auth/password-reset', { email: ada.user!.email });
    const unknown = await t.anonymous.post('/api/auth/password-reset', {
      email: 'nobody.at.all@people.test',
    });
    expect([sent.status, unknown.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(sent.body);
    const mail = await smtp.next((m) => m.rcpt.includes(ada.user!.email));
    expect(mail.subject).toBe('Reset your Ordo password');
    expect(linkIn(mail, `${t.url}/reset-password/`)).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}$/);
    expect(smtp.mails.some((m) => m.rcpt.includes('nobody.at.all@people.test'))).toBe(false);
  });

  it('the link sets a new password once and ends every session of the account', async () => {
    const bob = await t.register('Bob');
    const other = await signIn(t, bob.user!.email);
    await t.anonymous.post('/api/auth/password-reset', { email: bob.user!.email });
    const link = linkIn(await smtp.next((m) => m.rcpt.includes(bob.user!.email)), `${t.url}/reset-password/`);
    expect(
      (
        await t.anonymous.post(`/api/auth/password-reset/${tokenOf(link)}`, {
          password: 'a brand new secret',
        })
      ).status,
    ).toBe(204);
    for (const session of [bob, other]) expectRefusal(await session.get('/api/me'), 401, 'unauthenticated');
    expectRefusal(
      await t.anonymous.post('/api/auth/login', { email: bob.user!.email, password }),
      401,
      'unauthenticated',
    );
    await signIn(t, bob.user!.email, 'a brand new secret');
    // Once only.
    expectRefusal(
      await t.anonymous.post(`/api/auth/password-reset/${tokenOf(link)}`, { password: 'yet another one' }),
      404,
      'not_found',
    );
  });

  it('refuses an unknown link with 404 and a short password naming the field', async () => {
    expectRefusal(
      await t.anonymous.post(`/api/auth/password-reset/${'B'.repeat(43)}`, {
        password: 'long enough secret',
      }),
      404,
      'not_found',
    );
    const cy = await t.register('Cy');
    await t.anonymous.post('/api/auth/password-reset', { email: cy.user!.email });
    const link = linkIn(await smtp.next((m) => m.rcpt.includes(cy.user!.email)), `${t.url}/reset-password/`);
    expectInvalid(
      await t.anonymous.post(`/api/auth/password-reset/${tokenOf(link)}`, { password: 'short' }),
      'password',
    );
    expect((await cy.get('/api/me')).status).toBe(200);
  });

  it('limits requests per email (429), the same whether the account exists or not', async () => {
    const limited = await startTestApp({
      limits: { passwordResetEmail: { name: 'password-reset-email', limit: 2, windowSeconds: 3600 } },
    });
    try {
      for (const email of ['someone.real@people.test', 'nobody.real@people.test']) {
        if (email.startsWith('someone'))
          await limited.anonymous.post('/api/auth/register', { email, name: 'Real', password });
        expect((await limited.anonymous.post('/api/auth/password-reset', { email })).status).toBe(202);
        expect((await limited.anonymous.post('/api/auth/password-reset', { email })).status).toBe(202);
        expectRefusal(
          await limited.anonymous.post('/api/auth/password-reset', { email }),
          429,
          'rate_limited',
        );
      }
    } finally {
      await limited.close();
    }
  });

  it('without SMTP_URL, writes the link to the server log at warn', async () => {
    const lines: { level: number; msg: string; resetUrl?: string; email?: string }[] = [];
    const stream = new Writable({
      write(chunk, _e, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const quiet = await startTestApp({ logger: { level: 'warn', stream } });
    try {
      const dee = await quiet.register('Dee');
      expect(
        (await quiet.anonymous.post('/api/auth/password-reset', { email: dee.user!.email })).status,
      ).toBe(202);
      const logged = lines.find((l) => l.email === dee.user!.email && l.resetUrl);
      expect(logged?.level).toBe(40);
      expect(logged!.resetUrl).toMatch(new RegExp(`^${quiet.url}/reset-password/`));
      expect(
        (
          await quiet.anonymous.post(`/api/auth/password-reset/${tokenOf(logged!.resetUrl!)}`, {
            password: 'reset from the log',
          })
        ).status,
      ).toBe(204);
      await signIn(quiet, dee.user!.email, 'reset from the log');
    } finally {
      await quiet.close();
    }
  });
});

describe('PUT /api/me/password', () => {
  it('changes the password knowing the current one; this session stays, the others end', async () => {
    const eve = await t.register('Eve');
    const laptop = await signIn(t, eve.user!.email);
    expect(
      (await eve.put('/api/me/password', { current: password, password: 'a new password here' })).status,
    ).toBe(204);
    expect((await eve.get('/api/me')).status).toBe(200);
    expectRefusal(await laptop.get('/api/me'), 401, 'unauthenticated');
    await signIn(t, eve.user!.email, 'a new password here');
  });

  it('refuses a wrong current password (400 naming current, the session stays) and a short new one', async () => {
    const fay = await t.register('Fay');
    expectInvalid(
      await fay.put('/api/me/password', { current: 'not it at all', password: 'a new password here' }),
      'current',
    );
    expectInvalid(await fay.put('/api/me/password', { current: password, password: 'short' }), 'password');
    expect((await fay.get('/api/me')).status).toBe(200);
    await signIn(t, fay.user!.email);
    expectRefusal(
      await t.anonymous.put('/api/me/password', { current: password, password: 'a new password here' }),
      401,
      'unauthenticated',
    );
  });
});
