/** Mail for other modules: queue one inside your transaction; `app.mail.link(path)` for links in it. */
export { enqueueMail, type Mail } from './queue';
export { composeMail, escapeHtml, type MailContent } from './compose';
export type { Mailer } from './mailer';
