import { sql } from 'drizzle-orm';
import { mailQueue, type Db, type Tx } from '@ordo/db';
import { email } from '@ordo/domain';

/** NOTIFY on commit of a transaction that queued mail: every instance's worker looks at the queue. */
export const MAIL_CHANNEL = 'ordo_mail';

export interface Mail {
  /** One address, no display name: a name someone typed never reaches a header. */
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A header value on one line: CR, LF and other control characters become spaces. */
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * Queues a mail inside the caller's transaction: it is sent only if that transaction commits, after the
 * commit, by the mail worker (retried with backoff). Never blocks on or fails because of the mail server.
 * `to` must be one valid address (throws otherwise: callers pass stored, validated emails).
 */
export async function enqueueMail(tx: Tx | Db, mail: Mail): Promise<void> {
  const to = email.safeParse(mail.to);
  if (!to.success || /[\r\n,;<>"]/.test(mail.to))
    throw new Error('enqueueMail: `to` must be one plain email address');
  await tx
    .insert(mailQueue)
    .values({ to: to.data, subject: oneLine(mail.subject).slice(0, 300), text: mail.text, html: mail.html });
  await tx.execute(sql`select pg_notify(${MAIL_CHANNEL}, '')`);
}
