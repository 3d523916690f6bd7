/** How mail goes out; `server.ts` fills it from SMTP_URL, MAIL_FROM and PUBLIC_URL (env.ts). */
export interface MailOptions {
  /** `smtp://user:pass@host:587` or `smtps://…`; without it nothing is sent (queued mail is marked skipped). */
  smtpUrl: string | undefined;
  /** The sender, e.g. `Ordo <ordo@example.com>`. */
  from: string;
  /** Where links in mail point; without it, the address this server listens on. */
  publicUrl: string | undefined;
  /** The first retry waits this long, each next one twice as long. */
  retryBaseMs: number;
  /** Tries before a mail is given up as failed (and logged as an error). */
  maxAttempts: number;
  /** How often the queue is looked at without a nudge (retries, mail enqueued by another instance). */
  pollMs: number;
}

export const DEFAULT_MAIL_OPTIONS: MailOptions = {
  smtpUrl: undefined,
  from: 'Ordo <ordo@localhost>',
  publicUrl: undefined,
  retryBaseMs: 30_000,
  maxAttempts: 6,
  pollMs: 15_000,
};
