import type { LiveErrorCode } from '@ordo/domain';

/** What to do with an event that arrives after `lastSeq`: take it, drop a repeat, or ask again from `lastSeq`. */
export function nextStep(lastSeq: number, seq: number): 'apply' | 'repeat' | 'gap' {
  if (seq <= lastSeq) return 'repeat';
  return seq === lastSeq + 1 ? 'apply' : 'gap';
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 30_000 };

/**
 * The wait before reconnect attempt `attempt` (0 first): doubling up to `maxMs`, with the upper half
 * jittered so that clients cut off together (a deploy, a network blip) do not all return at once.
 */
export function reconnectDelay(attempt: number, backoff: Backoff, random: () => number): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
  return ceiling / 2 + (ceiling / 2) * random();
}

/** Errors after which reconnecting cannot help: the project is gone for this user, or the session is. */
export const isFatal = (code: LiveErrorCode) =>
  code === 'not_found' || code === 'forbidden' || code === 'unauthenticated';
