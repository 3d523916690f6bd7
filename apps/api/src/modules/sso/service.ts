import type { Db } from '@ordo/db';
import { DomainError, email as emailSchema } from '@ordo/domain';
import { audit } from '../../lib/audit';
import { findUserByEmail, toUser } from '../auth/queries';
import { insertUser, openSession } from '../auth/service';
import type { SignedInClaims } from './provider';

/**
 * No password matches it (`verifyPassword` takes only `scrypt$…`): an account made by single sign-on signs
 * in through the provider, or gets a password by a reset.
 */
const NO_PASSWORD = 'sso';

/**
 * The Ordo account of whoever the provider signed in, matched by email, and a new session for it. Only an
 * email the provider has verified is believed: anyone can type an address at a provider that does not check.
 * No account with that email: one is made (name from the provider).
 */
export async function signInWithClaims(db: Db, claims: SignedInClaims, address: string) {
  // Some providers send the flag as a string.
  if (claims.email_verified !== true && claims.email_verified !== 'true') {
    throw new DomainError(
      'forbidden',
      'Your sign-in provider has not verified your email address: verify it there, then sign in again',
    );
  }
  const parsed = emailSchema.safeParse(claims.email);
  if (!parsed.success)
    throw new DomainError('forbidden', 'Your sign-in provider sent no usable email address');
  const email = parsed.data;
  let row = await findUserByEmail(db, email);
  if (!row) {
    const name =
      typeof claims.name === 'string' && claims.name.trim()
        ? claims.name.trim().slice(0, 100)
        : email.split('@')[0]!;
    // A sign-in racing this one for the same new email made the account: then it is simply found.
    const made = await insertUser(db, { email, name, passwordHash: NO_PASSWORD }).catch(() => undefined);
    if (made) await audit(db, { kind: 'registered', actorId: made.id, address, data: { via: 'oidc' } });
    row = made ?? (await findUserByEmail(db, email));
  }
  if (!row) throw new DomainError('unavailable', 'Try again shortly');
  if (row.deactivatedAt) throw new DomainError('forbidden', 'This account is deactivated');
  await audit(db, { kind: 'sign_in', actorId: row.id, address, data: { via: 'oidc' } });
  return { user: toUser(row), token: await openSession(db, row.id) };
}
