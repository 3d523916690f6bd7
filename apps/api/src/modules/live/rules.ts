import { parseEvent, type ProjectEvent } from '@ordo/domain';

/**
 * The pure rules of live sync, apart from any socket or database so they can be tested one by one.
 */

/** A subscriber from further back than `maxBehind`, or from a future this log never had, refetches. */
export function needsResync(since: number, lastSeq: number, maxBehind: number): boolean {
  return since > lastSeq || lastSeq - since > maxBehind;
}

/** The events that continue a subscriber's stream after `sent`: repeats dropped, stopping at a gap. */
export function continuation(sent: number, events: readonly ProjectEvent[]): ProjectEvent[] {
  const next: ProjectEvent[] = [];
  let last = sent;
  for (const event of events) {
    if (event.seq <= last) continue;
    if (event.seq !== last + 1) break;
    next.push(event);
    last = event.seq;
  }
  return next;
}

export type SendVerdict = 'send' | 'wait' | 'resync';

/**
 * Whether a subscriber may be sent more now. One more than `maxBehind` events behind (a big import lands
 * thousands at once) refetches instead: one read beats thousands of cache updates. A full socket waits for
 * its buffer to drain; one that stays full too long is told to resync rather than buffered without end.
 */
export function sendVerdict(input: {
  behind: number;
  buffered: number;
  fullSince: number | undefined;
  now: number;
  limits: { highWaterBytes: number; slowMs: number; maxBehind: number };
}): SendVerdict {
  const { behind, buffered, fullSince, now, limits } = input;
  if (behind > limits.maxBehind) return 'resync';
  if (buffered <= limits.highWaterBytes) return 'send';
  if (fullSince !== undefined && now - fullSince >= limits.slowMs) return 'resync';
  return 'wait';
}

/** True when the event takes `userId` out of the project: their subscription ends there. */
export function revokes(event: ProjectEvent, userId: string): boolean {
  if (event.type !== 'member.removed') return false;
  const removed = parseEvent(event);
  return removed?.type === 'member.removed' && removed.data.member.user.id === userId;
}

/** A token bucket: `rate` messages a second, bursts up to `rate`. */
export interface Bucket {
  tokens: number;
  at: number;
}

export function takeToken(bucket: Bucket, now: number, rate: number): { allowed: boolean; bucket: Bucket } {
  const tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
  if (tokens < 1) return { allowed: false, bucket: { tokens, at: now } };
  return { allowed: true, bucket: { tokens: tokens - 1, at: now } };
}

/**
 * Pages may open the socket from the server's own host or from an allowed origin. A request without an
 * Origin header comes from a script, not a browser page, and carries its own credentials.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  const parsed = parseOrigin(origin);
  if (!parsed) return false;
  return parsed.host === host || allowed.some((entry) => parseOrigin(entry)?.origin === parsed.origin);
}

function parseOrigin(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
