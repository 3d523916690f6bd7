import { eq } from 'drizzle-orm';
import { apiTokens, sessions, type Db } from '@ordo/db';
import { DomainError } from '@ordo/domain';
import { audit } from '../../lib/audit';
import type { Limits } from '../../lib/limits';
import { hit, rateLimited, refund, type Limit } from '../../lib/rate-limit';
import { announceSessionEnded } from '../live/channels';
import { findUserByEmail, hasSignedInFrom, toUser } from './queries';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './secrets';
import { insertUser } from './users';

export const SESSION_DAYS = 30;

/** A new session for the user (password sign-in, registration, single sign-on); returns its secret. */
export async function openSession(db: Db, userId: string) {
  const token = newSecret('');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: hashSecret(token), userId, expiresAt });
  return token;
}

export async function register(db: Db, limits: Limits, input: { email: string; name: string; password: string }, address: string) {
  await countOrRefuse(db, [[limits.registerAddress, address], [limits.registerInstance, 'all']], 'Too many accounts created; try again later');
  const passwordHash = await hashPassword(input.password);
  const row = await insertUser(db, { email: input.email, name: input.name, passwordHash });
  await audit(db, { kind: 'registered', actorId: row.id, address });
  return { user: toUser(row), token: await openSession(db, row.id) };
}

/**
 * Counts one hit on each limit; when one refuses, the hits already counted are taken back and a 429 with
 * the longest wait is thrown.
 */
async function countOrRefuse(db: Db, checks: [Limit, string][], message: string) {
  const counted: [Limit, string][] = [];
  for (const [limit, subject] of checks) {
    const verdict = await hit(db, limit, subject);
    if (!verdict.allowed) {
      for (const [done, doneSubject] of counted) await refund(db, done, doneSubject);
      throw rateLimited(message, verdict.retryAfterSeconds);
    }
    counted.push([limit, subject]);
  }
  return counted;
}

/**
 * Checks the password. Failures are limited per account and address, per address, and per account across
 * addresses with a growing delay; the last one skips addresses the owner signed in from before, so guessing
 * from elsewhere cannot lock the owner out. A success takes its hits back: only failures count.
 */
export async function login(db: Db, limits: Limits, input: { email: string; password: string }, address: string) {
  const row = await findUserByEmail(db, input.email);
  const checks: [Limit, string][] = [
    [limits.loginAccountAddress, `${input.email}|${address}`],
    [limits.loginAddress, address],
  ];
  if (!row || !(await hasSignedInFrom(db, row.id, address))) checks.push([limits.loginAccount, input.email]);
  let counted: [Limit, string][];
  try {
    counted = await countOrRefuse(db, checks, 'Too many failed sign-ins; try again later');
  } catch (error) {
    await audit(db, { kind: 'sign_in_limited', actorId: row?.id, address, data: { email: input.email } });
    throw error;
  }
  const valid = row ? await verifyPassword(input.password, row.passwordHash) : await hashPassword(input.password).then(() => false);
  if (!row || !valid) {
    await audit(db, { kind: 'sign_in_failed', actorId: row?.id, address, data: { email: input.email } });
    throw new DomainError('unauthenticated', 'Wrong email or password');
  }
  for (const [limit, subject] of counted) await refund(db, limit, subject);
  if (row.deactivatedAt) throw new DomainError('forbidden', 'This account has been deactivated');
  await audit(db, { kind: 'sign_in', actorId: row.id, address });
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
