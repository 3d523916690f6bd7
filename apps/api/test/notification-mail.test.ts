import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Team, type TestApp } from './harness';
import { startSmtp, type TestSmtp } from './smtp';
import { newStory } from './sprint-helpers';

/** Mentions and assignments are mailed through a real SMTP server when SMTP_URL is set; other news is not. */
let smtp: TestSmtp;
let t: TestApp;
let team: Team;
let base: string;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({
    mail: { smtpUrl: smtp.url, from: 'Ordo <ordo@mail.test>', publicUrl: 'https://ordo.mail.test' },
  });
  team = await t.projectWithTeam();
  base = `/api/projects/${team.key}`;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const handleOf = (client: { user?: unknown }) => (client.user as { handle: string }).handle;

describe('notification mail', () => {
  it('a mention arrives at the mentioned member’s address with a link to the story', async () => {
    const key = await newStory(team.po, base);
    await team.po.post(`${base}/stories/${key}/comments`, {
      body: `@${handleOf(team.dev)} <b>look</b> at this`,
    });
    const mail = await smtp.next((m) => m.rcpt.includes(team.dev.user!.email));
    expect(mail.subject).toBe(`You were mentioned on ${key}`);
    expect(mail.text).toContain(
      `${team.po.user!.name} mentioned you on ${key}: @${handleOf(team.dev)} <b>look</b> at this`,
    );
    expect(mail.text).toContain(`https://ordo.mail.test/projects/${team.key}/stories/${key}`);
    expect(mail.html).toContain('&lt;b&gt;look&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>look</b>');
  });

  it('an assignment is mailed to the assignee; a comment to watchers is not mailed, nor is anything to the actor', async () => {
    const key = await newStory(team.po, base);
    await team.po.patch(`${base}/stories/${key}`, { version: 1, assigneeId: team.sm.user!.id });
    const mail = await smtp.next((m) => m.subject === `${key} was assigned to you`);
    expect(mail.rcpt).toEqual([team.sm.user!.email]);
    // The SM now watches it; the PO comments (the SM is told in the inbox only), then mentions the PO themself.
    await team.po.post(`${base}/stories/${key}/comments`, { body: `Thanks, noted by @${handleOf(team.po)}` });
    await team.po.post(`${base}/stories/${key}/comments`, { body: `@${handleOf(team.pm)} fyi` });
    await smtp.next((m) => m.rcpt.includes(team.pm.user!.email) && m.subject.includes(key));
    // Mail goes out in queue order: by the time the PM's arrived, any earlier one would have too.
    expect(smtp.mails.filter((m) => m.text.includes(key)).map((m) => m.rcpt)).toEqual([
      [team.sm.user!.email],
      [team.pm.user!.email],
    ]);
  });
});
