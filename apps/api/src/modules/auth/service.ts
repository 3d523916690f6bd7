import { and, desc, eq } from 'drizzle-orm';
import { apiTokens, sessions, users, type Db } from '@ordo/db';
import { DomainError, notFound } from '@ordo/domain';
import { audit } from '../../lib/audit';
import type { Limits } from '../../lib/limits';
import { enforce, hit, rateLimited, refund, type Limit } from '../../lib/rate-limit';
import type { Credential } from '../../plugins/session';
import { announceSessionEnded } from '../../lib/channels';
import { findUserByEmail, hasSignedInFrom, toUser } from './queries';
import { hashPassword, hashSecret, newSecret, verifyPassword } from '../../lib/secrets';
import { insertUser } from './users';

/** Other modules (invitations, single sign-on, restore) create and update users through this. */
export { insertUser, updateProfile } from './users';

export const SESSION_DAYS = 30;

/** A new session for the user (password sign-in, registration, single sign-on); returns its secret. */
export async function openSession(db: Db, userId: string) {
  const token = newSecret('');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: hashSecret(token), userId, expiresAt });
  return token;
}

export interface AuthSettings {
  limits: Limits;
  /** ORDO_ADMIN_EMAIL: this account is the instance admin; without it, the first registered user is. */
  adminEmail: string | undefined;
}

/** A new account becomes the instance admin when it has the admin email, or (without one) is the very first. */
async function makeAdminIfFirst<R extends { id: string; email: string; isAdmin: boolean }>(
  db: Db,
  settings: AuthSettings,
  row: R,
): Promise<R> {
  const admin = settings.adminEmail
    ? row.email === settings.adminEmail.toLowerCase()
    : (await db.select({ id: users.id }).from(users).limit(2)).length === 1;
  if (!admin) return row;
  await db.update(users).set({ isAdmin: true }).where(eq(users.id, row.id));
  return { ...row, isAdmin: true };
}

export async function register(
  db: Db,
  settings: AuthSettings,
  input: { email: string; name: string; password: string },
  address: string,
) {
  const { limits } = settings;
  await countOrRefuse(
    db,
    [
      [limits.registerAddress, address],
      [limits.registerInstance, 'all'],
    ],
    'Too many accounts created; try again later',
  );
  const passwordHash = await hashPassword(input.password);
  const row = await makeAdminIfFirst(
    db,
    settings,
    await insertUser(db, { email: input.email, name: input.name, passwordHash }),
  );
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
export async function login(
  db: Db,
  settings: AuthSettings,
  input: { email: string; password: string },
  address: string,
) {
  const { limits } = settings;
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
  const valid = row
    ? await verifyPassword(input.password, row.passwordHash)
    : await hashPassword(input.password).then(() => false);
  if (!row || !valid) {
    await audit(db, { kind: 'sign_in_failed', actorId: row?.id, address, data: { email: input.email } });
    throw new DomainError('unauthenticated', 'Wrong email or password');
  }
  for (const [limit, subject] of counted) await refund(db, limit, subject);
  if (row.deactivatedAt) throw new DomainError('forbidden', 'This account has been deactivated');
  if (settings.adminEmail?.toLowerCase() === row.email && !row.isAdmin) {
    await db.update(users).set({ isAdmin: true }).where(eq(users.id, row.id));
    row.isAdmin = true;
  }
  await audit(db, { kind: 'sign_in', actorId: row.id, address });
  return { user: toUser(row), token: await openSession(db, row.id) };
}

/** Ends the session or revokes the token the caller signed out with. */
export async function logout(db: Db, credential: Credential) {
  if (credential.kind === 'token')
    await db.delete(apiTokens).where(eq(apiTokens.tokenHash, credential.secretHash));
  else await db.delete(sessions).where(eq(sessions.tokenHash, credential.secretHash));
  await announceSessionEnded(db, credential.secretHash);
}

/** Ends every session of the user (and their sockets); with `tokens`, revokes their tokens too. */
export async function endSessions(db: Db, userId: string, options: { tokens: boolean }) {
  const ended = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ hash: sessions.tokenHash });
  const revoked = options.tokens
    ? await db.delete(apiTokens).where(eq(apiTokens.userId, userId)).returning({ hash: apiTokens.tokenHash })
    : [];
  for (const { hash } of [...ended, ...revoked]) await announceSessionEnded(db, hash);
}

export async function createApiToken(
  db: Db,
  limits: Limits,
  caller: { userId: string; address: string },
  input: { name: string; expiresInDays?: number | undefined },
) {
  await enforce(db, limits.tokenMint, caller.userId, 'Too many tokens created; try again later');
  const token = newSecret('ordo_pat_');
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({ userId: caller.userId, name: input.name, tokenHash: hashSecret(token), expiresAt })
      .returning();
    await audit(tx, {
      kind: 'token_created',
      actorId: caller.userId,
      subject: created!.id,
      address: caller.address,
      data: { name: input.name },
    });
    return created!;
  });
  return { token, name: row.name, id: row.id, expiresAt: row.expiresAt?.toISOString() ?? null };
}

export async function listApiTokens(db: Db, userId: string) {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  }));
}

/** Revokes one of the caller's tokens; it stops working at once, on every instance. */
export async function revokeApiToken(db: Db, caller: { userId: string; address: string }, tokenId: string) {
  const [gone] = await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(apiTokens)
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, caller.userId)))
      .returning({ hash: apiTokens.tokenHash, name: apiTokens.name });
    if (deleted[0]) {
      await audit(tx, {
        kind: 'token_revoked',
        actorId: caller.userId,
        subject: tokenId,
        address: caller.address,
        data: { name: deleted[0].name },
      });
    }
    return deleted;
  });
  if (!gone) throw notFound('Token');
  await announceSessionEnded(db, gone.hash);
}
