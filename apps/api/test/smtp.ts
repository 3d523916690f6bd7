import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/** One mail as the SMTP server received it: the envelope, the parsed message and its raw source. */
export interface CapturedMail {
  from: string;
  /** Envelope recipients (RCPT TO): who the mail really went to, whatever the headers say. */
  rcpt: string[];
  subject: string;
  text: string;
  html: string;
  /** Header names, lowercased, in order. */
  headerNames: string[];
  raw: string;
}

export interface TestSmtp {
  /** `smtp://127.0.0.1:PORT`, for `mail: { smtpUrl }`. */
  url: string;
  mails: CapturedMail[];
  /** The first mail (already received or still to come) for which `match` holds; rejects after `timeoutMs`. */
  next(match?: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** Refuse the next `count` mails with a temporary (451) or permanent (550) error. */
  refuseNext(count: number, code?: 451 | 550): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (no TLS, no auth) that keeps every mail it accepts. */
export async function startSmtp(): Promise<TestSmtp> {
  const mails: CapturedMail[] = [];
  const waiters: { match: (m: CapturedMail) => boolean; resolve: (m: CapturedMail) => void }[] = [];
  let refusals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => void deliver());
      const deliver = async () => {
        const code = refusals.shift();
        if (code)
          return callback(
            Object.assign(new Error(code === 451 ? 'Try again later' : 'No such mailbox'), {
              responseCode: code,
            }),
          );
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = await simpleParser(raw);
        const mail: CapturedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcpt: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          headerNames: parsed.headerLines.map((h) => h.key),
          raw,
        };
        mails.push(mail);
        for (const w of waiters.filter((w) => w.match(mail))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(mail);
        }
        callback();
      };
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    next(match = () => true, timeoutMs = 15_000) {
      const found = mails.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching mail within ${timeoutMs} ms (got ${mails.length})`)),
          timeoutMs,
        );
        waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    refuseNext(count, code = 451) {
      refusals = [...refusals, ...Array<number>(count).fill(code)];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: CapturedMail, prefix: string): string {
  const link = mail.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`);
  return link;
}
