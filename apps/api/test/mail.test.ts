import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mailQueue } from '@ordo/db';
import { composeMail, enqueueMail, type Mail } from '../src/modules/mail';
import { startTestApp, type TestApp } from './harness';
import { startSmtp, type TestSmtp } from './smtp';

/** Log lines the app writes at warn and above, parsed. */
function logCapture() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: { level: 'warn', stream } };
}

let smtp: TestSmtp;
let t: TestApp;
const logs = logCapture();
beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({
    logger: logs.logger,
    mail: { smtpUrl: smtp.url, from: 'Ordo <ordo@mail.test>', retryBaseMs: 20, maxAttempts: 3 },
  });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

let n = 0;
const subject = (what: string) => `${what} #${n++}`;
const queue = (mail: Mail) => t.database.db.transaction((tx) => enqueueMail(tx, mail));
const rowOf = async (subjectText: string) =>
  (await t.database.db.select().from(mailQueue).where(eq(mailQueue.subject, subjectText)))[0];

describe('mail', () => {
  it('goes out after commit with a plain-text and an HTML body, from MAIL_FROM', async () => {
    const s = subject('Welcome');
    await queue(
      composeMail('ada@mail.test', {
        subject: s,
        paragraphs: ['Hello <Ada> & co'],
        action: { label: 'Open Ordo', url: 'http://x.test/a?b=1&c=2' },
      }),
    );
    const mail = await smtp.next((m) => m.subject === s);
    expect(mail.rcpt).toEqual(['ada@mail.test']);
    expect(mail.from).toBe('ordo@mail.test');
    expect(mail.text).toContain('Hello <Ada> & co');
    expect(mail.text).toContain('Open Ordo: http://x.test/a?b=1&c=2');
    expect(mail.html).toContain('Hello &lt;Ada&gt; &amp; co');
    expect(mail.html).toContain('href="http://x.test/a?b=1&amp;c=2"');
    expect(mail.html).not.toContain('<Ada>');
    await expect.poll(async () => (await rowOf(s))?.state).toBe('sent');
  });

  it('is never sent when the transaction that queued it rolls back', async () => {
    const s = subject('Rolled back');
    await expect(
      t.database.db.transaction(async (tx) => {
        await enqueueMail(tx, { to: 'ada@mail.test', subject: s, text: 'x', html: 'x' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowOf(s)).toBeUndefined();
    // A later mail arrives, and the rolled-back one never did.
    const later = subject('After');
    await queue({ to: 'ada@mail.test', subject: later, text: 'x', html: 'x' });
    await smtp.next((m) => m.subject === later);
    expect(smtp.mails.some((m) => m.subject === s)).toBe(false);
  });

  it('is retried after a temporary refusal and arrives', async () => {
    smtp.refuseNext(1, 451);
    const s = subject('Retried');
    await queue({ to: 'bob@mail.test', subject: s, text: 'retry me', html: '<p>retry me</p>' });
    const mail = await smtp.next((m) => m.subject === s);
    expect(mail.text.trim()).toBe('retry me');
    await expect.poll(async () => (await rowOf(s))?.state).toBe('sent');
    expect((await rowOf(s))!.attempts).toBe(2);
    expect(logs.lines.some((l) => l.msg === 'mail could not be sent; will retry' && l.subject === s)).toBe(
      true,
    );
  });

  it('that finally fails is kept as failed with its error and logged as an error, not lost silently', async () => {
    smtp.refuseNext(3, 451);
    const s = subject('Doomed');
    await queue({ to: 'cy@mail.test', subject: s, text: 'x', html: 'x' });
    await expect.poll(async () => (await rowOf(s))?.state, { timeout: 15_000 }).toBe('failed');
    const row = (await rowOf(s))!;
    expect(row.attempts).toBe(3);
    expect(row.lastError).toContain('Try again later');
    const logged = logs.lines.find((l) => l.msg === 'mail could not be sent; given up' && l.subject === s);
    expect(logged).toMatchObject({ level: 50, to: 'cy@mail.test', attempts: 3 });
  });

  it('refused for good (5xx) is not retried', async () => {
    smtp.refuseNext(1, 550);
    const s = subject('No such mailbox');
    await queue({ to: 'nobody@mail.test', subject: s, text: 'x', html: 'x' });
    await expect.poll(async () => (await rowOf(s))?.state).toBe('failed');
    expect((await rowOf(s))!.attempts).toBe(1);
  });

  it('cannot have headers injected through a subject, and refuses a recipient that is not one plain address', async () => {
    const s = subject('Hello');
    await queue({
      to: 'dan@mail.test',
      subject: `${s}\r\nBcc: evil@mail.test\r\nX-Injected: yes`,
      text: 'x',
      html: 'x',
    });
    const mail = await smtp.next((m) => m.subject.startsWith(s));
    expect(mail.rcpt).toEqual(['dan@mail.test']);
    expect(mail.subject).toBe(`${s} Bcc: evil@mail.test X-Injected: yes`);
    expect(mail.headerNames).not.toContain('bcc');
    expect(mail.headerNames).not.toContain('x-injected');
    for (const to of [
      'dan@mail.test\r\nBcc: evil@mail.test',
      'dan@mail.test, evil@mail.test',
      '"Dan" <dan@mail.test>',
      'not an address',
    ]) {
      await expect(queue({ to, subject: 'x', text: 'x', html: 'x' })).rejects.toThrow(
        'one plain email address',
      );
    }
    expect(smtp.mails.flatMap((m) => m.rcpt)).not.toContain('evil@mail.test');
  });
});

describe('mail without SMTP_URL', () => {
  it('is marked skipped and goes nowhere', async () => {
    const quiet = await startTestApp();
    try {
      expect(quiet.app.mail.enabled).toBe(false);
      const s = subject('Unsent');
      await quiet.database.db.transaction((tx) =>
        enqueueMail(tx, { to: 'ada@mail.test', subject: s, text: 'x', html: 'x' }),
      );
      const state = async () =>
        (await quiet.database.db.select().from(mailQueue).where(eq(mailQueue.subject, s)))[0]?.state;
      await expect.poll(state).toBe('skipped');
    } finally {
      await quiet.close();
    }
  });

  it('links point at PUBLIC_URL, else at the address the server listens on', async () => {
    expect(t.app.mail.link('/invitations/abc')).toBe(`${t.url}/invitations/abc`);
    const configured = await startTestApp({ mail: { publicUrl: 'https://ordo.example.com/' } });
    try {
      expect(configured.app.mail.link('/reset/x')).toBe('https://ordo.example.com/reset/x');
    } finally {
      await configured.close();
    }
  });
});
