import { and, count, eq, gt } from 'drizzle-orm';
import { apiTokens, loginFailures, sessions, users, type Db } from '@ordo/db';
import type { User } from '@ordo/domain';
import type { SessionUser } from '../../types';

export const toUser = (row: SessionUser): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

const userColumns = { id: users.id, email: users.email, name: users.name, createdAt: users.createdAt };

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

export async function countRecentLoginFailures(db: Db, email: string, address: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), eq(loginFailures.address, address), gt(loginFailures.at, since)));
  return row?.n ?? 0;
}
