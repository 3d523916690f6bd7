import { and, eq, gt } from 'drizzle-orm';
import { apiTokens, auditLog, sessions, users, type Db } from '@ordo/db';
import { AUDIT_KEEP_DAYS } from '../../lib/audit';
import type { User } from '@ordo/domain';
import type { SessionUser } from '../../types';

export const toUser = (row: SessionUser): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  handle: row.handle,
  createdAt: row.createdAt.toISOString(),
});

const userColumns = { id: users.id, email: users.email, name: users.name, handle: users.handle, createdAt: users.createdAt };

/** The user behind a session or personal access token, by the secret's hash. */
export async function findUserBySecretHash(db: Db, tokenHash: string): Promise<SessionUser | undefined> {
  const [bySession] = await db
    .select(userColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())));
  if (bySession) return bySession;
  const [byToken] = await db
    .select(userColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  return byToken;
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
    .where(and(eq(auditLog.actorId, userId), eq(auditLog.kind, 'sign_in'), eq(auditLog.address, address), gt(auditLog.at, since)))
    .limit(1);
  return row !== undefined;
}
