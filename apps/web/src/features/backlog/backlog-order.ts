import { compareRanks, rankBetween } from '@ordo/domain';

interface Ranked {
  key: string;
  rank: string;
}

export type Placement = { before: string } | { after: string };

/**
 * Where `id` now sits in `order`, as the rank requests say it (`POST /backlog/rank`, `/roadmap/rank`): after its
 * upper neighbour, or before the lower one when it is at the top. Null when it has no neighbour.
 */
export function placementFor(order: readonly string[], id: string): Placement | null {
  const index = order.indexOf(id);
  if (index < 0) return null;
  const above = order[index - 1];
  if (above !== undefined) return { after: above };
  const below = order[index + 1];
  return below === undefined ? null : { before: below };
}

/** `list` with the item at `from` moved to `to` (indices in the list before the move). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item === undefined) return [...list];
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/**
 * The optimistic picture of a rank move: the story moved to `to` and given a provisional rank between its new
 * neighbours, so the list stays sorted by rank until the server's answer replaces the story.
 */
export function moveStory<T extends Ranked>(list: readonly T[], storyKey: string, to: number): T[] {
  const from = list.findIndex((s) => s.key === storyKey);
  if (from < 0 || from === to) return [...list];
  const moved = moveItem(list, from, to);
  const index = moved.findIndex((s) => s.key === storyKey);
  const item = moved[index];
  if (!item) return moved;
  moved[index] = {
    ...item,
    rank: rankBetween(moved[index - 1]?.rank ?? null, moved[index + 1]?.rank ?? null),
  };
  return moved;
}

/**
 * `list` without the story of that id, and with `story` put in rank order when `belongs`. A copy older than
 * the one shown (a late live event after our own write) changes nothing.
 */
export function upsertByRank<T extends Ranked & { id: string; version: number }>(
  list: readonly T[],
  story: T,
  belongs: boolean,
): T[] {
  const shown = list.find((s) => s.id === story.id);
  if (shown && shown.version > story.version) return [...list];
  const others = list.filter((s) => s.id !== story.id);
  if (!belongs) return others;
  const at = others.findIndex((s) => compareRanks(s.rank, story.rank) > 0);
  return at < 0 ? [...others, story] : [...others.slice(0, at), story, ...others.slice(at)];
}

/** Where a keyboard or button move lands in a list of `length` items, clamped to its ends. */
export function targetIndex(length: number, from: number, to: 'top' | 'up' | 'down' | 'bottom'): number {
  const wanted = { top: 0, up: from - 1, down: from + 1, bottom: length - 1 }[to];
  return Math.max(0, Math.min(length - 1, wanted));
}
