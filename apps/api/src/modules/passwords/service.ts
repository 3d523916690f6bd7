import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import { passwordResets, sessions, users, type Db, type Tx } from '@ordo/db';
import { invalid, notFound } from '@ordo/domain';
import type { App } from '../../types';
import { audit } from '../../lib/audit';
import { enforce } from '../../lib/rate-limit';
import { findUserByEmail } from '../auth/queries';
import { hashPassword, hashSecret, newSecret, verifyPassword } from '../../lib/secrets';
import { announceSessionEnded } from '../../lib/channels';
import { composeMail, enqueueMail } from '../mail';

const RESET_MS = 60 * 60 * 1000;

/**
 * Asks for a reset link. The caller learns nothing: whether the email has an account or not, the answer is
 * the same 202 (limits count both alike). The link goes by mail, or without SMTP_URL to the server log.
 */
export async function requestReset(app: App, emailAddress: string, address: string) {
  const db = app.database.db;
  await enforce(db, app.limits.passwordResetAddress, address, 'Too many reset requests; try again later');
  await enforce(
    db,
    app.limits.passwordResetEmail,
    emailAddress,
    'Too many reset requests for this email; try again later',
  );
  const user = await findUserByEmail(db, emailAddress);
  if (!user || user.deactivatedAt) return;
  const token = newSecret('');
  const resetUrl = app.mail.link(`/reset-password/${token}`);
  await db.transaction(async (tx) => {
    await tx
      .insert(passwordResets)
      .values({ tokenHash: hashSecret(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_MS) });
    await enqueueMail(
      tx,
      composeMail(user.email, {
        subject: 'Reset your Ordo password',
        paragraphs: [
          `Hello ${user.name},`,
          'Someone (hopefully you) asked to reset the password of your Ordo account.',
        ],
        action: { label: 'Choose a new password', url: resetUrl },
        footer: [
          'The link works once, for one hour. If you did not ask for it, ignore this mail: your password stays as it is.',
        ],
      }),
    );
  });
  if (!app.mail.enabled)
    app.log.warn(
      { email: user.email, resetUrl },
      'password reset link (SMTP_URL is not set, so it was not mailed)',
    );
}

/** Ends the user's sessions (all, or all but `keepHash`) and closes their live sockets. */
async function endSessions(tx: Tx | Db, userId: string, keepHash?: string) {
  const ended = await tx
    .delete(sessions)
    .where(
      keepHash
        ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepHash))
        : eq(sessions.userId, userId),
    )
    .returning({ tokenHash: sessions.tokenHash });
  return ended.map((s) => s.tokenHash);
}

/** Sets the new password with a link's token (once, within the hour); every session of the user ends. */
export async function resetPassword(app: App, token: string, password: string, address: string) {
  const db = app.database.db;
  const passwordHash = await hashPassword(password);
  const ended = await db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResets.tokenHash, hashSecret(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!reset) throw notFound('Reset link');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    // Any other link asked for before works no more either.
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await audit(tx, { kind: 'password_reset', actorId: reset.userId, address });
    return endSessions(tx, reset.userId);
  });
  for (const hash of ended) await announceSessionEnded(db, hash);
}

/** Changes the password knowing the current one; every other session of the user ends, this one stays. */
export async function changePassword(
  app: App,
  userId: string,
  input: { current: string; password: string },
  ctx: { secret: string | undefined; address: string },
) {
  const db = app.database.db;
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!row || !(await verifyPassword(input.current, row.passwordHash)))
    throw invalid('current', 'is not your current password');
  const passwordHash = await hashPassword(input.password);
  const ended = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await audit(tx, { kind: 'password_changed', actorId: userId, address: ctx.address });
    return endSessions(tx, userId, ctx.secret ? hashSecret(ctx.secret) : undefined);
  });
  for (const hash of ended) await announceSessionEnded(db, hash);
}
