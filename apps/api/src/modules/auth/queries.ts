import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { apiTokens, auditLog, sessions, users, type Db } from '@ordo/db';
import { AUDIT_KEEP_DAYS } from '../../lib/audit';
import { prepared } from '../../lib/prepared';
import type { User } from '@ordo/domain';
import type { Credential } from '../../plugins/session';
import type { SessionUser } from '../../types';

export const toUser = (row: SessionUser): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  handle: row.handle,
  createdAt: row.createdAt.toISOString(),
});

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  handle: users.handle,
  createdAt: users.createdAt,
  isAdmin: users.isAdmin,
};

/** A session unused this long ends, even before it expires. */
export const SESSION_IDLE_DAYS = 14;
/** Last-use times are written at most this often, so a busy caller does not write on every request. */
const SESSION_TOUCH_MS = 60 * 60 * 1000;
const TOKEN_TOUCH_MS = 60 * 1000;

const idleSince = (now: Date) => new Date(now.getTime() - SESSION_IDLE_DAYS * 86_400_000);
const liveSession = (now: Date) => and(gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince(now)));
const liveToken = (now: Date) => or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now));

/** Asked on every request: prepared once (lib/prepared.ts). */
const sessionByHash = prepared((db) =>
  db
    .select({ user: userColumns, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('hash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
        isNull(users.deactivatedAt),
      ),
    )
    .prepare('ordo_session_by_hash'),
);
const tokenByHash = prepared((db) =>
  db
    .select({ user: userColumns, id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('hash')),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now'))),
        isNull(users.deactivatedAt),
      ),
    )
    .prepare('ordo_token_by_hash'),
);

/**
 * The signed-in caller behind a secret's hash: a session (not expired, not idle), or, when `tokens` is
 * allowed (a Bearer header, never the cookie), a personal access token (not expired). Deactivated users
 * have neither. Moves the last-use time along, coarsely.
 */
export async function findCaller(
  db: Db,
  secretHash: string,
  tokens: boolean,
): Promise<{ user: SessionUser; credential: Credential } | undefined> {
  const now = new Date();
  const [bySession] = await sessionByHash(db).execute({
    hash: secretHash,
    now: now.toISOString(),
    idleSince: idleSince(now).toISOString(),
  });
  if (bySession) {
    if (now.getTime() - bySession.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, secretHash));
    }
    return { user: bySession.user, credential: { kind: 'session', secretHash } };
  }
  if (!tokens) return undefined;
  const [byToken] = await tokenByHash(db).execute({ hash: secretHash, now: now.toISOString() });
  if (!byToken) return undefined;
  if (!byToken.lastUsedAt || now.getTime() - byToken.lastUsedAt.getTime() > TOKEN_TOUCH_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, byToken.id));
  }
  return { user: byToken.user, credential: { kind: 'token', secretHash, tokenId: byToken.id } };
}

/** Which of these secret hashes still sign someone in (the live sockets' periodic check). */
export async function validSecretHashes(db: Db, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const now = new Date();
  const [bySession, byToken] = await Promise.all([
    db
      .select({ hash: sessions.tokenHash })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(inArray(sessions.tokenHash, hashes), liveSession(now), isNull(users.deactivatedAt))),
    db
      .select({ hash: apiTokens.tokenHash })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(inArray(apiTokens.tokenHash, hashes), liveToken(now), isNull(users.deactivatedAt))),
  ]);
  return new Set([...bySession, ...byToken].map((row) => row.hash));
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

/** Whether the user signed in from this address in the audit log's memory (90 days): one of their usual places. */
export async function hasSignedInFrom(db: Db, userId: string, address: string) {
  const since = new Date(Date.now() - AUDIT_KEEP_DAYS * 86_400_000);
  const [row] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, userId),
        eq(auditLog.kind, 'sign_in'),
        eq(auditLog.address, address),
        gt(auditLog.at, since),
      ),
    )
    .limit(1);
  return row !== undefined;
}
