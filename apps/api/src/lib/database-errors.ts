/**
 * Whether an error means the database cannot be reached right now (stopped, restarting, refusing connections,
 * closed under us), as opposed to a bug or bad input: those requests answer 503 `unavailable` with
 * Retry-After, so clients and load balancers wait and retry instead of reporting a server fault.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** Node's socket errors, and PostgreSQL's: shutdown (57P0x), too many connections, not accepting connections. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '55000',
  '3D000',
]);

/** node-postgres and PGlite say these without a code. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Cannot use a pool after calling end|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed/i;

/** Seconds a client should wait before trying again. */
export const UNAVAILABLE_RETRY_AFTER = 5;
