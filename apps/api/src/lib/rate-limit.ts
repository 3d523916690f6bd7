import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import { rateLimits, type Db, type Tx } from '@ordo/db';
import { prepared } from './prepared';
import { DomainError } from '@ordo/domain';

/**
 * Rate limits kept in the database, so they hold across every API instance (one row per limit and subject).
 *
 *   const LOGIN_PER_ADDRESS: Limit = { name: 'login-address', limit: 10, windowSeconds: 900 };
 *   await enforce(db, LOGIN_PER_ADDRESS, request.ip);        // counts one hit; throws 429 once over
 *   const verdict = await hit(db, LOGIN_PER_ADDRESS, ip);      // the same, answering instead of throwing
 *   await refund(db, LOGIN_PER_ADDRESS, ip);                  // un-count a hit (e.g. the login succeeded)
 *   await clear(db, LOGIN_PER_ADDRESS, ip);                   // forget the subject (e.g. password reset)
 *
 * Two kinds of limit:
 * - **Window** (no `delay`): at most `limit` hits per `windowSeconds`, the window starting at the first hit;
 *   the hit after that is refused until the window ends (`retryAfterSeconds` says when).
 * - **Growing delay** (`delay: {baseSeconds, maxSeconds}`): the first `limit` hits pass at once; from then on each
 *   hit must wait `baseSeconds · 2^(n)` after the previous one (n = hits past the limit), never more than
 *   `maxSeconds`. The count is forgotten after `windowSeconds` without any hit. Nothing is ever blocked for
 *   good: the worst case is one hit per `maxSeconds`, which is what makes it safe for per-account limits an
 *   attacker could otherwise use to lock the owner out.
 * Refused hits are not counted, so hammering a limit does not extend it. Each call is one SQL statement
 * (an upsert under the row's lock), so concurrent hits on several instances count exactly. Pass `tx` to
 * count inside a transaction. `at` is for tests of the windows; the database's clock is used otherwise.
 */
export interface Limit {
  /** Names the counter: `login-account`, `register-address`… */
  name: string;
  limit: number;
  windowSeconds: number;
  delay?: { baseSeconds: number; maxSeconds: number };
}

export interface Verdict {
  allowed: boolean;
  /** Hits counted in the current window (the refused one not included). */
  hits: number;
  /** When refused: seconds until the next hit may pass (at least 1). */
  retryAfterSeconds: number;
}

type Executor = Db | Tx;

const keyOf = (limit: Limit, subject: string) => `${limit.name}:${subject}`;
const seconds = (n: SQL) => sql`(${n} * interval '1 second')`;

/**
 * The hit as one upsert, built once per database and kind of limit (it runs on every API request): the
 * subject's key, the limit's numbers and the time (`at`, else the database's clock) are its values.
 */
function buildHit(db: Db, delay: boolean) {
  const p = (name: string) => sql.placeholder(name);
  const now = sql`coalesce(${p('at')}::timestamptz, now())`;
  const [limit, windowSeconds] = [sql`${p('limit')}::int`, seconds(sql`${p('windowSeconds')}::int`)];
  const r = rateLimits;
  // The row before this hit: whether its count has run out (stale) and whether it is refusing now (blocked).
  const since = delay ? r.lastAt : r.windowStart;
  const stale = sql`(${since} <= ${now} - ${windowSeconds})`;
  const blocked = sql`(not ${stale} and ${r.blockedUntil} is not null and ${r.blockedUntil} > ${now})`;
  const n = sql`${p('n')}::int`;
  const nextHits = sql`(case when ${stale} then ${n} else ${r.hits} + ${n} end)`;
  const nextStart = sql`(case when ${stale} then ${now} else ${r.windowStart} end)`;
  const [base, max] = [seconds(sql`${p('baseSeconds')}::int`), seconds(sql`${p('maxSeconds')}::int`)];
  const blockAfter = (hits: SQL, start: SQL): SQL =>
    delay
      ? sql`(case when ${hits} >= ${limit} then ${now} + least(${max}, ${base} * power(2, ${hits} - ${limit})) end)`
      : sql`(case when ${hits} >= ${limit} then ${start} + ${windowSeconds} end)`;
  return db
    .insert(rateLimits)
    .values({
      key: p('key'),
      windowStart: now as never,
      lastAt: now as never,
      hits: n as never,
      blockedUntil: blockAfter(n, now) as never,
      allowed: true,
    })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        allowed: sql`not ${blocked}`,
        hits: sql`case when ${blocked} then ${r.hits} else ${nextHits} end`,
        windowStart: sql`case when ${blocked} then ${r.windowStart} else ${nextStart} end`,
        lastAt: sql`case when ${blocked} then ${r.lastAt} else ${now} end`,
        blockedUntil: sql`case when ${blocked} then ${r.blockedUntil} else ${blockAfter(nextHits, nextStart)} end`,
      },
    })
    .returning({
      allowed: rateLimits.allowed,
      hits: rateLimits.hits,
      wait: sql<number>`ceil(extract(epoch from (${rateLimits.blockedUntil} - ${now})))::int`,
    })
    .prepare(delay ? 'ordo_rate_limit_delay' : 'ordo_rate_limit_window');
}
const windowHit = prepared((db) => buildHit(db, false));
const delayHit = prepared((db) => buildHit(db, true));

export async function hit(db: Executor, limit: Limit, subject: string, at?: Date): Promise<Verdict> {
  return hits(db, limit, subject, 1, at);
}

/**
 * Counts `n` hits at once (the request limit's batch, `request-limit.ts`), as `hit` counts one: while the
 * subject is not refused, all `n` are counted and allowed, and reaching the limit starts the refusal (so a
 * batch may end past it: the caller keeps batches clear of the limit); while refused, none is counted.
 */
export async function hits(
  db: Executor,
  limit: Limit,
  subject: string,
  n: number,
  at?: Date,
): Promise<Verdict> {
  const query = (limit.delay ? delayHit : windowHit)(db);
  const [row] = await query.execute({
    n,
    key: keyOf(limit, subject),
    at: at?.toISOString() ?? null,
    limit: limit.limit,
    windowSeconds: limit.windowSeconds,
    baseSeconds: limit.delay?.baseSeconds ?? 0,
    maxSeconds: limit.delay?.maxSeconds ?? 0,
  });
  return { allowed: row!.allowed, hits: row!.hits, retryAfterSeconds: Math.max(1, Number(row!.wait ?? 1)) };
}

/** A 429 in the contract's shape; the error handler turns `details.retryAfter` into `Retry-After`. */
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new DomainError('rate_limited', message, { retryAfter: retryAfterSeconds });

/** Counts a hit and throws a 429 (`rate_limited`, with `Retry-After`) when the limit refuses it. */
export async function enforce(
  db: Executor,
  limit: Limit,
  subject: string,
  message = 'Too many requests; try again later',
) {
  const verdict = await hit(db, limit, subject);
  if (!verdict.allowed) throw rateLimited(message, verdict.retryAfterSeconds);
  return verdict;
}

/** Un-counts one hit (the attempt turned out fine), lifting a block that hit had set. */
export async function refund(db: Executor, limit: Limit, subject: string) {
  await db
    .update(rateLimits)
    .set({
      hits: sql`greatest(${rateLimits.hits} - 1, 0)`,
      blockedUntil: sql`case when ${rateLimits.hits} - 1 < ${limit.limit} then null else ${rateLimits.blockedUntil} end`,
    })
    .where(eq(rateLimits.key, keyOf(limit, subject)));
}

/** Forgets the subject's count for this limit. */
export async function clear(db: Executor, limit: Limit, subject: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, keyOf(limit, subject)));
}

/** Drops counters untouched for a day (no limit here has a longer window). */
export async function pruneRateLimits(db: Executor, at = new Date()) {
  await db.delete(rateLimits).where(and(lt(rateLimits.lastAt, new Date(at.getTime() - 86_400_000))));
}
