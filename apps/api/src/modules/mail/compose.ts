import type { Mail } from './queue';

export interface MailContent {
  subject: string;
  /** Paragraphs before the button; plain text (names people typed are escaped in the HTML part). */
  paragraphs: string[];
  /** The one thing to do, as a button in HTML and a bare link in text. */
  action?: { label: string; url: string };
  /** Small print after the button ("This link expires in 7 days."). */
  footer?: string[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The plain-text and HTML bodies of one mail from the same words; nothing a person typed becomes markup. */
export function composeMail(to: string, content: MailContent): Mail {
  const { subject, paragraphs, action, footer = [] } = content;
  const text =
    [...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : []), ...footer].join('\n\n') + '\n';
  const p = (t: string, style = '') => `<p style="margin:0 0 16px${style}">${escapeHtml(t)}</p>`;
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#4f46e5;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>` +
      p(`Or open this link: ${action.url}`, ';color:#666;font-size:13px')
    : '';
  const html =
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:15px;color:#111;max-width:560px">` +
    paragraphs.map((t) => p(t)).join('') +
    button +
    footer.map((t) => p(t, ';color:#666;font-size:13px')).join('') +
    `</body></html>`;
  return { to, subject, text, html };
}
