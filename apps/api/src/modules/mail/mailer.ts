import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_MAIL_OPTIONS, type MailOptions } from './options';
import { MailWorker } from './worker';

export interface Mailer {
  /** Whether mail goes out (SMTP_URL is set). Without it, links are shown to the inviter or logged. */
  readonly enabled: boolean;
  /** An absolute link for a mail or an API answer: PUBLIC_URL (or this server's address) + `path`. */
  link(path: string): string;
}

/** The app's mailer (`app.mail`), its worker started when the app is ready and stopped when it closes. */
export function registerMailer(app: FastifyInstance, options: Partial<MailOptions> | undefined) {
  const settings: MailOptions = { ...DEFAULT_MAIL_OPTIONS, ...options };
  const worker = new MailWorker(app.database, settings, app.log);
  const base = () => {
    if (settings.publicUrl) return settings.publicUrl.replace(/\/+$/, '');
    const address = app.server.address() as AddressInfo | null;
    if (!address) return 'http://127.0.0.1:3000';
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  };
  const mailer: Mailer = { enabled: !!settings.smtpUrl, link: (path) => `${base()}${path}` };
  app.decorate('mail', mailer);
  app.addHook('onReady', () => worker.start());
  app.addHook('onClose', () => worker.stop());
}
