import { and, asc, eq, inArray, lte, min, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import { mailQueue, type Database } from '@ordo/db';
import type { MailOptions } from './options';
import { MAIL_CHANNEL } from './queue';

const BATCH = 20;
type QueuedMail = typeof mailQueue.$inferSelect;

/** A permanent refusal (5xx: no such mailbox, policy): trying again would not help. */
const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/**
 * Sends the queued mail after commit, on every instance: a row is claimed by moving its next attempt forward
 * (FOR UPDATE SKIP LOCKED, so two instances never send one mail twice at once), then marked sent, or left
 * pending for the retry with doubled backoff, or, after the last try or a permanent refusal, failed and
 * logged as an error. Without an SMTP URL, queued mail is marked skipped (and logged), never left to go out
 * much later once one is configured.
 */
export class MailWorker {
  private readonly transport: Transporter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    private readonly database: Database,
    private readonly options: MailOptions,
    private readonly log: FastifyBaseLogger,
  ) {
    this.transport = options.smtpUrl
      ? nodemailer.createTransport({
          url: options.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : undefined;
  }

  async start() {
    this.stopListening = await this.database.listen(MAIL_CHANNEL, () => this.kick());
    this.kick();
  }

  async stop() {
    this.closed = true;
    clearTimeout(this.timer);
    await this.stopListening?.();
    await this.running;
    this.transport?.close();
  }

  /** Looks at the queue now (or right after the current pass). */
  kick() {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.log.error({ err }, 'mail queue: could not read the queue'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        } else void this.scheduleNext();
      });
  }

  private async drain() {
    if (!this.transport) return this.skipAll();
    for (let batch = await this.claim(); batch.length > 0 && !this.closed; batch = await this.claim()) {
      for (const mail of batch) await this.send(mail);
    }
  }

  /** The next pass: when the earliest retry is due, and at least every pollMs. */
  private async scheduleNext() {
    if (this.closed) return;
    clearTimeout(this.timer);
    let wait = this.options.pollMs;
    if (this.transport) {
      const [row] = await this.database.db
        .select({ at: min(mailQueue.nextAttemptAt) })
        .from(mailQueue)
        .where(eq(mailQueue.state, 'pending'))
        .catch(() => [undefined]);
      if (row?.at) wait = Math.max(0, Math.min(wait, new Date(row.at).getTime() - Date.now()));
    }
    if (this.closed) return;
    this.timer = setTimeout(() => this.kick(), wait);
    this.timer.unref();
  }

  private async claim(): Promise<QueuedMail[]> {
    const db = this.database.db;
    const due = db
      .select({ id: mailQueue.id })
      .from(mailQueue)
      .where(and(eq(mailQueue.state, 'pending'), lte(mailQueue.nextAttemptAt, sql`now()`)))
      .orderBy(asc(mailQueue.nextAttemptAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    const backoff = sql`(${this.options.retryBaseMs} * power(2, ${mailQueue.attempts}) * interval '1 millisecond')`;
    return db
      .update(mailQueue)
      .set({ attempts: sql`${mailQueue.attempts} + 1`, nextAttemptAt: sql`now() + ${backoff}` })
      .where(inArray(mailQueue.id, due))
      .returning();
  }

  private async send(mail: QueuedMail) {
    const db = this.database.db;
    try {
      await this.transport!.sendMail({
        from: this.options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
      await db
        .update(mailQueue)
        .set({ state: 'sent', sentAt: new Date(), lastError: null })
        .where(eq(mailQueue.id, mail.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = isPermanent(error) || mail.attempts >= this.options.maxAttempts;
      await db
        .update(mailQueue)
        .set({ state: final ? 'failed' : 'pending', lastError: message })
        .where(eq(mailQueue.id, mail.id));
      const about = {
        mailId: mail.id,
        to: mail.to,
        subject: mail.subject,
        attempts: mail.attempts,
        error: message,
      };
      if (final) this.log.error(about, 'mail could not be sent; given up');
      else this.log.warn(about, 'mail could not be sent; will retry');
    }
  }

  private async skipAll() {
    const skipped = await this.database.db
      .update(mailQueue)
      .set({ state: 'skipped' })
      .where(eq(mailQueue.state, 'pending'))
      .returning({ id: mailQueue.id, to: mailQueue.to, subject: mailQueue.subject });
    for (const mail of skipped)
      this.log.info(
        { mailId: mail.id, to: mail.to, subject: mail.subject },
        'mail not sent: SMTP_URL is not set',
      );
  }
}
