import type { Limit } from './rate-limit';

const MINUTE = 60;
const HOUR = 3600;

/**
 * Every limit of the instance, with the real use each must let through (docs/security.md lists them).
 * Tests pass smaller numbers through `buildApp({ limits })`.
 */
export const DEFAULT_LIMITS = {
  /** Failed sign-ins on one account from one address: a person mistyping stays far below. */
  loginAccountAddress: { name: 'login-account-address', limit: 10, windowSeconds: 15 * MINUTE },
  /** Failed sign-ins from one address over all accounts: an office of 15 behind one NAT mistyping. */
  loginAddress: { name: 'login-address', limit: 30, windowSeconds: 15 * MINUTE },
  /**
   * Failed sign-ins on one account from addresses it never signed in from (guessing spread over many
   * addresses): 10 at once, then a delay doubling from 1 s up to 15 min. The owner's usual addresses skip it.
   */
  loginAccount: {
    name: 'login-account',
    limit: 10,
    windowSeconds: 24 * HOUR,
    delay: { baseSeconds: 1, maxSeconds: 15 * MINUTE },
  },
  /** Accounts created from one address: a team of 15 on its first morning behind one NAT. */
  registerAddress: { name: 'register-address', limit: 30, windowSeconds: HOUR },
  /** Accounts created on the whole instance: each costs ~80 ms of scrypt. */
  registerInstance: { name: 'register-instance', limit: 1000, windowSeconds: HOUR },
  /** Personal access tokens minted by one user. */
  tokenMint: { name: 'token-mint', limit: 20, windowSeconds: HOUR },
  /** Every API request of one signed-in user: 20 tabs opening at once use ~300. */
  userRequests: { name: 'user-requests', limit: 1200, windowSeconds: MINUTE },
  /** Password-reset mails asked for one email and from one address (used by the people module). */
  passwordResetEmail: { name: 'password-reset-email', limit: 5, windowSeconds: HOUR },
  passwordResetAddress: { name: 'password-reset-address', limit: 20, windowSeconds: HOUR },
  /** Invitations sent by one user (used by the people module). */
  invitations: { name: 'invitations', limit: 100, windowSeconds: HOUR },
} satisfies Record<string, Limit>;

export type Limits = { [K in keyof typeof DEFAULT_LIMITS]: Limit };
