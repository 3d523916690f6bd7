import { sql } from 'drizzle-orm';
import type { Db } from '@ordo/db';

/** NOTIFY with the hash of a session that ended (logout): every instance closes that session's sockets. */
export const SESSIONS_CHANNEL = 'ordo_sessions';
/** NOTIFY between instances about who watches which project; see `presence.ts`. */
export const PRESENCE_CHANNEL = 'ordo_presence';

export async function notify(db: Db, channel: string, payload: string) {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/** Tells every instance that the session with this secret hash ended, so its live sockets close. */
export const announceSessionEnded = (db: Db, tokenHash: string) => notify(db, SESSIONS_CHANNEL, tokenHash);
