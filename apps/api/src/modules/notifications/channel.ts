/**
 * NOTIFY of new notifications, sent inside the transaction that wrote them (so delivered on commit only):
 * `{"to":[[userId, notificationId], …]}`, never the notifications themselves. Each instance reads the ones
 * for users with a socket on it and sends them there.
 */
export const NOTIFICATIONS_CHANNEL = 'ordo_notifications';

/** Recipients per NOTIFY: 74 bytes a pair keeps a payload well under PostgreSQL's 8,000-byte limit. */
const PAIRS_PER_NOTICE = 80;

export function noticesFor(pairs: [userId: string, notificationId: string][]): string[] {
  const notices: string[] = [];
  for (let i = 0; i < pairs.length; i += PAIRS_PER_NOTICE)
    notices.push(JSON.stringify({ to: pairs.slice(i, i + PAIRS_PER_NOTICE) }));
  return notices;
}

/** The recipients a notice names; anything else on the channel (a listener's probe) names none. */
export function readNotice(payload: string): [string, string][] {
  try {
    const { to } = JSON.parse(payload) as { to?: unknown };
    if (!Array.isArray(to)) return [];
    return to.filter(
      (p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string',
    );
  } catch {
    return [];
  }
}
