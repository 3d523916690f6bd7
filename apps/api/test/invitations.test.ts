import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { invitations } from '@ordo/db';
import { Client, sessionOf, startTestApp, type Team, type TestApp } from './harness';
import { expectInvalid, expectRefusal } from './expect';
import { linkIn, startSmtp, type TestSmtp } from './smtp';

let smtp: TestSmtp;
let t: TestApp;
let team: Team;
let base: string;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ mail: { smtpUrl: smtp.url, from: 'Ordo <ordo@people.test>', retryBaseMs: 20 } });
  team = await t.projectWithTeam();
  base = `/api/projects/${team.key}`;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const password = 'correct horse battery';
let n = 0;
const newEmail = () => `guest${n++}.${Date.now().toString(36)}@people.test`;
const tokenOf = (url: string) => url.split('/').at(-1)!;

async function invite(email = newEmail(), roles = ['developer'], by: Client = team.po) {
  const reply = await by.post(`${base}/invitations`, { email, roles });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { email, ...(reply.body.invitation as { id: string; acceptUrl: string; expiresAt: string }) };
}

describe('invitations', () => {
  it('a PO invites by email; the mail arrives with a link that shows who invited whom to what; accepting creates the account and the membership once', async () => {
    const email = newEmail();
    const reply = await team.po.post(`${base}/invitations`, {
      email: email.toUpperCase(),
      roles: ['developer', 'scrum_master'],
    });
    expect(reply.status).toBe(201);
    const created = reply.body.invitation;
    expect(created).toMatchObject({ email, roles: ['developer', 'scrum_master'] });
    expect(created.acceptUrl).toMatch(new RegExp(`^${t.url}/invitations/[A-Za-z0-9_-]{40,}$`));
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await smtp.next((m) => m.rcpt.includes(email));
    expect(mail.rcpt).toEqual([email]);
    expect(mail.subject).toBe(`${team.po.user!.name} invited you to Project ${team.key} on Ordo`);
    const link = linkIn(mail, `${t.url}/invitations/`);
    expect(link).toBe(created.acceptUrl);
    expect(mail.html).toContain(`href="${link}"`);

    const shown = await t.anonymous.get(`/api/invitations/${tokenOf(link)}`);
    expect(shown.status).toBe(200);
    expect(shown.body.invitation).toEqual({
      email,
      roles: ['developer', 'scrum_master'],
      project: { key: team.key, name: `Project ${team.key}` },
      inviter: { name: team.po.user!.name },
      hasAccount: false,
    });
    const pending = (await team.po.get(`${base}/invitations`)).body.items;
    expect(pending.map((i: { id: string }) => i.id)).toContain(created.id);
    expect(pending.find((i: { id: string }) => i.id === created.id).acceptUrl).toBeUndefined();

    const accepted = await t.anonymous.post(`/api/invitations/${tokenOf(link)}/accept`, {
      name: 'Gus Guest',
      password,
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.user).toMatchObject({ email, name: 'Gus Guest' });
    expect(accepted.body.project).toEqual({ key: team.key, name: `Project ${team.key}` });
    const guest = new Client(t.url, sessionOf(accepted), accepted.body.user);
    expect((await guest.get('/api/me')).body.projects).toEqual([
      {
        key: team.key,
        name: `Project ${team.key}`,
        roles: ['developer', 'scrum_master'],
        product: { key: team.key, name: `Project ${team.key}` },
      },
    ]);
    expect((await guest.get(`${base}/backlog`)).status).toBe(200);

    // Once only: the link is used up, and the pending list no longer shows it.
    expectRefusal(
      await t.anonymous.post(`/api/invitations/${tokenOf(link)}/accept`, { name: 'Again', password }),
      404,
      'not_found',
    );
    expectRefusal(await t.anonymous.get(`/api/invitations/${tokenOf(link)}`), 404, 'not_found');
    expect(
      (await team.po.get(`${base}/invitations`)).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(created.id);
    const members = (await team.admin.get(`${base}/members`)).body.items.filter(
      (m: { user: { email: string } }) => m.user.email === email,
    );
    expect(members).toHaveLength(1);
  });

  it('stores only a hash of the link', async () => {
    const created = await invite();
    const [row] = await t.database.db.select().from(invitations).where(eq(invitations.id, created.id));
    expect(JSON.stringify(row)).not.toContain(tokenOf(created.acceptUrl));
  });

  it('answers an unknown, a used, a revoked and an expired link alike with 404', async () => {
    const expired = await invite();
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, expired.id));
    const revoked = await invite();
    expect((await team.po.delete(`${base}/invitations/${revoked.id}`)).status).toBe(204);
    expectRefusal(await team.po.delete(`${base}/invitations/${revoked.id}`), 404, 'not_found');
    const used = await invite();
    expect(
      (await t.anonymous.post(`/api/invitations/${tokenOf(used.acceptUrl)}/accept`, { name: 'U', password }))
        .status,
    ).toBe(200);
    const unknown = 'A'.repeat(43);
    const answers = [];
    for (const token of [
      unknown,
      tokenOf(used.acceptUrl),
      tokenOf(revoked.acceptUrl),
      tokenOf(expired.acceptUrl),
    ]) {
      const shown = await t.anonymous.get(`/api/invitations/${token}`);
      const accepted = await t.anonymous.post(`/api/invitations/${token}/accept`, { name: 'X', password });
      expectRefusal(shown, 404, 'not_found');
      expectRefusal(accepted, 404, 'not_found');
      answers.push(JSON.stringify(shown.body), JSON.stringify(accepted.body));
    }
    expect(new Set(answers).size).toBe(1);
    expect(
      (await team.po.get(`${base}/invitations`)).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(expired.id);
  });

  it('refuses to invite someone who is a member already (409), and re-inviting a pending email replaces the first invitation', async () => {
    expectRefusal(
      await team.po.post(`${base}/invitations`, { email: team.dev.user!.email, roles: ['developer'] }),
      409,
      'conflict',
      'email',
    );
    const email = newEmail();
    const first = await invite(email);
    const second = await invite(email, ['stakeholder']);
    const pending = (await team.po.get(`${base}/invitations`)).body.items.filter(
      (i: { email: string }) => i.email === email,
    );
    expect(pending.map((i: { id: string; roles: string[] }) => [i.id, i.roles])).toEqual([
      [second.id, ['stakeholder']],
    ]);
    expectRefusal(await t.anonymous.get(`/api/invitations/${tokenOf(first.acceptUrl)}`), 404, 'not_found');
  });

  it('only an Admin may invite as Admin', async () => {
    expectRefusal(
      await team.po.post(`${base}/invitations`, { email: newEmail(), roles: ['admin'] }),
      403,
      'forbidden',
    );
    await invite(newEmail(), ['admin'], team.admin);
  });

  it('someone with an account accepts with their password (a wrong one is a failed sign-in) or while signed in, and hears of it in their inbox', async () => {
    const known = await t.register('Known');
    const invited = await invite(known.user!.email);
    const inbox = (await known.get('/api/me/notifications')).body.items;
    expect(inbox.map((i: { type: string }) => i.type)).toContain('invited');
    const token = tokenOf(invited.acceptUrl);
    expect((await t.anonymous.get(`/api/invitations/${token}`)).body.invitation.hasAccount).toBe(true);
    expectInvalid(await t.anonymous.post(`/api/invitations/${token}/accept`, { name: 'Known' }), 'password');
    expectRefusal(
      await t.anonymous.post(`/api/invitations/${token}/accept`, { password: 'not the password' }),
      401,
      'unauthenticated',
    );
    const accepted = await t.anonymous.post(`/api/invitations/${token}/accept`, { password });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.id).toBe(known.user!.id);
    expect(sessionOf(accepted)).toBeTruthy();

    const other = await t.register('Signed in');
    const second = await invite(newEmail());
    const mine = await other.post(`/api/invitations/${tokenOf(second.acceptUrl)}/accept`, {});
    expect(mine.status).toBe(200);
    expect(mine.body.user.id).toBe(other.user!.id);
    expect(mine.headers.getSetCookie()).toEqual([]);
    expect((await other.get('/api/me')).body.projects.map((p: { key: string }) => p.key)).toEqual([team.key]);
    const third = await invite(newEmail());
    expectRefusal(
      await other.post(`/api/invitations/${tokenOf(third.acceptUrl)}/accept`, {}),
      409,
      'conflict',
    );
    expect((await t.anonymous.get(`/api/invitations/${tokenOf(third.acceptUrl)}`)).status).toBe(200);
  });

  it('a new account needs a name and a password', async () => {
    const token = tokenOf((await invite()).acceptUrl);
    expectInvalid(await t.anonymous.post(`/api/invitations/${token}/accept`, { password }), 'name');
    expectInvalid(
      await t.anonymous.post(`/api/invitations/${token}/accept`, { name: 'No password' }),
      'password',
    );
    expectInvalid(
      await t.anonymous.post(`/api/invitations/${token}/accept`, { name: 'Short', password: 'short' }),
      'password',
    );
    expect((await t.anonymous.get(`/api/invitations/${token}`)).status).toBe(200);
  });

  it('two accepts racing make one account and one membership', async () => {
    const { email, acceptUrl } = await invite();
    const token = tokenOf(acceptUrl);
    const replies = await Promise.all(
      [1, 2, 3].map((i) =>
        t.anonymous.post(`/api/invitations/${token}/accept`, { name: `Racer ${i}`, password }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 404, 404].sort());
    const members = (await team.admin.get(`${base}/members`)).body.items.filter(
      (m: { user: { email: string } }) => m.user.email === email,
    );
    expect(members).toHaveLength(1);
  });
});

describe('invitations are limited', () => {
  it('per inviter: past the limit, 429 and no invitation', async () => {
    const limited = await startTestApp({
      limits: { invitations: { name: 'invitations', limit: 2, windowSeconds: 3600 } },
    });
    try {
      const lteam = await limited.projectWithTeam();
      const send = () =>
        lteam.po.post(`/api/projects/${lteam.key}/invitations`, { email: newEmail(), roles: ['developer'] });
      expect([(await send()).status, (await send()).status]).toEqual([201, 201]);
      expectRefusal(await send(), 429, 'rate_limited');
      expect((await lteam.po.get(`/api/projects/${lteam.key}/invitations`)).body.items).toHaveLength(2);
      // Another inviter has a count of their own.
      expect(
        (
          await lteam.admin.post(`/api/projects/${lteam.key}/invitations`, {
            email: newEmail(),
            roles: ['developer'],
          })
        ).status,
      ).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('invitations without a working mail server', () => {
  it('still answer at once with the link for the inviter (no SMTP_URL)', async () => {
    const quiet = await startTestApp();
    try {
      const qteam = await quiet.projectWithTeam();
      const reply = await qteam.po.post(`/api/projects/${qteam.key}/invitations`, {
        email: newEmail(),
        roles: ['developer'],
      });
      expect(reply.status).toBe(201);
      expect(reply.body.invitation.acceptUrl).toMatch(new RegExp(`^${quiet.url}/invitations/`));
      const shown = await quiet.anonymous.get(`/api/invitations/${tokenOf(reply.body.invitation.acceptUrl)}`);
      expect(shown.status).toBe(200);
    } finally {
      await quiet.close();
    }
  });

  it('do not fail or wait when the SMTP server is down: the mail is retried, then given up and logged', async () => {
    const down = await startSmtp();
    const url = down.url;
    await down.close();
    const broken = await startTestApp({ mail: { smtpUrl: url, retryBaseMs: 10, maxAttempts: 2 } });
    try {
      const bteam = await broken.projectWithTeam();
      const reply = await bteam.po.post(`/api/projects/${bteam.key}/invitations`, {
        email: newEmail(),
        roles: ['developer'],
      });
      expect(reply.status).toBe(201);
      const { mailQueue } = await import('@ordo/db');
      await expect
        .poll(async () => (await broken.database.db.select().from(mailQueue))[0]?.state, { timeout: 20_000 })
        .toBe('failed');
    } finally {
      await broken.close();
    }
  });
});
