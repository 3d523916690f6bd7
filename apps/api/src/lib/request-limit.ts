import type { Db } from '@ordo/db';
import { hits, rateLimited, type Limit, type Verdict } from './rate-limit';

/** Hits let through on what the database said last, before they are written to it together. */
const BATCH = 20;
/** How old what the database said may be before a hit asks it again. */
const FRESH_MS = 1000;

interface Tally {
  /** Hits let through and not written yet. */
  pending: number;
  /** The database's last verdict, and when it came. */
  known: Verdict | undefined;
  knownAt: number;
}

/**
 * The limit on every API request of a signed-in person, counted in memory and written to its database row
 * (`rate-limit.ts`) in batches: one upsert per `BATCH` requests or per second instead of one per request,
 * a write less on every request (and no row lock the same person's parallel requests queue on).
 *
 * A hit passes without asking the database while its last verdict is fresh, allowed, and far enough from
 * the limit that the hits pending here cannot reach it; otherwise the hit asks at once, taking the pending
 * ones with it. So one instance counts exactly near the limit; several instances together may let through
 * up to `BATCH` hits each beyond it in a window (the limit is against floods, not a quota). Hits pending
 * when the process stops are lost, which only lowers a count.
 *
 *   const requests = requestLimit(app.limits.userRequests);
 *   await requests.enforce(db, user.id, 'Too many requests; slow down');   // throws the contract's 429
 */
export function requestLimit(limit: Limit) {
  const tallies = new Map<string, Tally>();

  const tallyOf = (subject: string, now: number) => {
    let tally = tallies.get(subject);
    if (!tally) {
      if (tallies.size > 10_000) forgetIdle(tallies, now, limit.windowSeconds * 1000);
      tally = { pending: 0, known: undefined, knownAt: 0 };
      tallies.set(subject, tally);
    }
    return tally;
  };

  /** Writes the pending hits (and `extra` more) and keeps the answer. */
  async function ask(db: Db, subject: string, tally: Tally, extra: number) {
    const n = tally.pending + extra;
    tally.pending = 0;
    const verdict = await hits(db, limit, subject, n);
    tally.known = verdict;
    tally.knownAt = Date.now();
    return verdict;
  }

  return {
    async enforce(db: Db, subject: string, message: string) {
      const now = Date.now();
      const tally = tallyOf(subject, now);
      const { known } = tally;
      const roomy =
        known !== undefined &&
        known.allowed &&
        now - tally.knownAt < FRESH_MS &&
        known.hits + tally.pending + BATCH < limit.limit;
      if (roomy) {
        tally.pending++;
        if (tally.pending >= BATCH)
          void ask(db, subject, tally, 0).catch(() => {
            // The database is away: what was pending is dropped (a lower count); the next hit asks again.
            tally.known = undefined;
          });
        return;
      }
      const verdict = await ask(db, subject, tally, 1);
      if (!verdict.allowed) throw rateLimited(message, verdict.retryAfterSeconds);
    },
  };
}

/** Forgets the people whose last verdict is older than the window (bounds the memory a flood of sign-ins takes). */
function forgetIdle(tallies: Map<string, Tally>, now: number, windowMs: number) {
  for (const [subject, tally] of tallies)
    if (tally.pending === 0 && now - tally.knownAt > windowMs) tallies.delete(subject);
}
