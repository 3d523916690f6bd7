import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Ranks are fractional-index strings: a move writes one row, whatever the list size, because a new key
 * always fits between two neighbours. They compare with plain byte order (PostgreSQL `COLLATE "C"`).
 */
export type Rank = string;

/** A rank strictly between `before` and `after` (either may be null for the list's ends). */
export function rankBetween(before: Rank | null, after: Rank | null): Rank {
  return generateKeyBetween(before, after);
}

/** `count` ascending ranks between two neighbours, for placing several items at once (sprint carry-over). */
export function ranksBetween(before: Rank | null, after: Rank | null, count: number): Rank[] {
  return generateNKeysBetween(before, after, count);
}

export const rankAtBottom = (last: Rank | null): Rank => rankBetween(last, null);
export const rankAtTop = (first: Rank | null): Rank => rankBetween(null, first);

/** Byte-order comparison, the same order the database's `COLLATE "C"` index gives. */
export function compareRanks(a: Rank, b: Rank): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Where a move lands: the two neighbours the new rank goes between. `anchor` is the story named in the
 * request (`before` or `after`); `neighbour` is the story on the other side of it in the current order.
 */
export function rankForMove(placement: 'before' | 'after', anchor: Rank, neighbour: Rank | null): Rank {
  return placement === 'before' ? rankBetween(neighbour, anchor) : rankBetween(anchor, neighbour);
}
