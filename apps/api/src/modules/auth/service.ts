import { and, eq, lt } from 'drizzle-orm';
import { apiTokens, loginFailures, sessions, users, type Db } from '@ordo/db';
import { conflict, DomainError } from '@ordo/domain';
import { announceSessionEnded } from '../live/channels';
import { countRecentLoginFailures, findUserByEmail, toUser } from './queries';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './secrets';

export const SESSION_DAYS = 30;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;

async function openSession(db: Db, userId: string) {
  const token = newSecret('');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: hashSecret(token), userId, expiresAt });
  return token;
}

export async function register(db: Db, input: { email: string; name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!row) throw conflict('An account with this email exists already', { field: 'email' });
  return { user: toUser(row), token: await openSession(db, row.id) };
}

/** Checks the password, counting failures per account and address so guessing stops after ten. */
export async function login(db: Db, input: { email: string; password: string }, address: string) {
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  if ((await countRecentLoginFailures(db, input.email, address, since)) >= MAX_FAILURES) {
    throw new DomainError('rate_limited', 'Too many failed logins; try again in 15 minutes');
  }
  const row = await findUserByEmail(db, input.email);
  const valid = row ? await verifyPassword(input.password, row.passwordHash) : await hashPassword(input.password).then(() => false);
  if (!row || !valid) {
    await db.insert(loginFailures).values({ email: input.email, address });
    throw new DomainError('unauthenticated', 'Wrong email or password');
  }
  await db.delete(loginFailures).where(and(eq(loginFailures.email, input.email), lt(loginFailures.at, since)));
  return { user: toUser(row), token: await openSession(db, row.id) };
}

export async function logout(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(token)));
  await announceSessionEnded(db, hashSecret(token));
}

export async function createApiToken(db: Db, userId: string, name: string) {
  const token = newSecret('ordo_pat_');
  const [row] = await db.insert(apiTokens).values({ userId, name, tokenHash: hashSecret(token) }).returning();
  return { token, name, id: row!.id };
}
