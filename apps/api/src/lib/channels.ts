import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@ordo/db';

/** NOTIFY with the hash of a session that ended (logout): every instance closes that session's sockets. */
export const SESSIONS_CHANNEL = 'ordo_sessions';
/** NOTIFY between instances about who watches which project; see `presence.ts`. */
export const PRESENCE_CHANNEL = 'ordo_presence';

/** NOTIFY with a user id whose product roles changed: every instance re-checks that person's live subscriptions. */
export const ACCESS_CHANNEL = 'ordo_access';

export async function notify(db: Db | Tx, channel: string, payload: string) {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/** Tells every instance that the session with this secret hash ended, so its live sockets close. */
export const announceSessionEnded = (db: Db, tokenHash: string) => notify(db, SESSIONS_CHANNEL, tokenHash);

/**
 * Tells every instance that these people's access may have shrunk (a product role removed, a team moved to
 * another product): a subscription they may no longer read ends. A team role removed needs none of this:
 * its `member.removed` event in the team's own log ends the subscription.
 */
export async function announceAccessChanged(db: Db | Tx, userIds: readonly string[]) {
  for (const userId of new Set(userIds)) await notify(db, ACCESS_CHANNEL, userId);
}
