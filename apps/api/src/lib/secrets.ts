import { createHash, randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';

/** scrypt's cost (N) for new passwords: ~80 ms of CPU each. Only tests lower it (`buildApp({ passwordCost })`). */
export const PASSWORD_COST = 16384;
let passwordCost = PASSWORD_COST;

/**
 * Tests only: every test team hashes seven passwords, which at full cost dominates the suite's CPU. Test
 * files share a process, so each app sets the cost it hashes at (`buildApp` passes production's when not told).
 */
export function setPasswordCostForTests(cost: number) {
  if (!Number.isInteger(Math.log2(cost)) || cost < 2 || cost > PASSWORD_COST)
    throw new Error(`a test password cost is a power of two below ${PASSWORD_COST}, not ${cost}`);
  passwordCost = cost;
}

const scryptAsync = (password: BinaryLike, salt: BinaryLike, length: number, cost: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, length, { N: cost, r: 8, p: 1 }, (err, key) => (err ? reject(err) : resolve(key))),
  );

/**
 * `scrypt$<salt>$<hash>`, both base64: the salt is per password, so equal passwords hash differently. A
 * hash made at a test's lower cost says so (`scrypt-<N>$…`), so it is checked at the cost it was made with.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, passwordCost);
  const scheme = passwordCost === PASSWORD_COST ? 'scrypt' : `scrypt-${passwordCost}`;
  return `${scheme}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** The cost a stored hash was made with; none for anything else (an SSO-only account's marker). */
function costOf(scheme: string | undefined): number | undefined {
  if (scheme === 'scrypt') return PASSWORD_COST;
  const lower = /^scrypt-(\d+)$/.exec(scheme ?? '');
  const cost = Number(lower?.[1]);
  return lower && Number.isInteger(Math.log2(cost)) && cost < PASSWORD_COST ? cost : undefined;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  const cost = costOf(scheme);
  if (!cost || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, cost);
  return timingSafeEqual(actual, expected);
}

/** 256 random bits; only its SHA-256 is stored, so a leaked table opens no session. */
export const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
