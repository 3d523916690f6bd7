import { describe, expect, it } from 'vitest';
import { compareRanks, rankBetween } from '@ordo/domain';
import { moveItem, moveStory, placementFor, targetIndex, upsertByRank } from './backlog-order';

function backlog(...keys: string[]) {
  let rank: string | null = null;
  return keys.map((key) => {
    rank = rankBetween(rank, null);
    return { id: `id-${key}`, key, rank, version: 1 };
  });
}
const keys = (list: { key: string }[]) => list.map((s) => s.key);
const isSorted = (list: { rank: string }[]) =>
  list.every((s, i) => i === 0 || compareRanks(list[i - 1]!.rank, s.rank) < 0);

describe('placementFor', () => {
  it('places an item after its upper neighbour', () => {
    expect(placementFor(['A-1', 'A-3', 'A-2'], 'A-3')).toEqual({ after: 'A-1' });
  });
  it('places an item at the top before the old first one', () => {
    expect(placementFor(['A-3', 'A-1', 'A-2'], 'A-3')).toEqual({ before: 'A-1' });
  });
  it('has nothing to say for an item alone or missing', () => {
    expect(placementFor(['A-1'], 'A-1')).toBeNull();
    expect(placementFor(['A-1', 'A-2'], 'A-9')).toBeNull();
  });
});

describe('moveItem', () => {
  it('moves down and up', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
  });
  it('clamps past the end and ignores a missing index', () => {
    expect(moveItem(['a', 'b'], 0, 9)).toEqual(['b', 'a']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('moveStory', () => {
  it('moves to the top with a rank that keeps the list sorted', () => {
    const moved = moveStory(backlog('A-1', 'A-2', 'A-3'), 'A-3', 0);
    expect(keys(moved)).toEqual(['A-3', 'A-1', 'A-2']);
    expect(isSorted(moved)).toBe(true);
  });
  it('moves to the middle and the bottom', () => {
    expect(isSorted(moveStory(backlog('A-1', 'A-2', 'A-3', 'A-4'), 'A-1', 2))).toBe(true);
    const bottom = moveStory(backlog('A-1', 'A-2', 'A-3'), 'A-1', 2);
    expect(keys(bottom)).toEqual(['A-2', 'A-3', 'A-1']);
    expect(isSorted(bottom)).toBe(true);
  });
  it('leaves the list as it was when nothing moves', () => {
    const list = backlog('A-1', 'A-2');
    expect(moveStory(list, 'A-2', 1)).toEqual(list);
    expect(moveStory(list, 'A-9', 0)).toEqual(list);
  });
});

describe('upsertByRank', () => {
  const list = backlog('A-1', 'A-2', 'A-3');
  it('moves a re-ranked story to its place', () => {
    const top = { ...list[2]!, rank: rankBetween(null, list[0]!.rank) };
    expect(keys(upsertByRank(list, top, true))).toEqual(['A-3', 'A-1', 'A-2']);
  });
  it('adds a new story in order and removes one that left', () => {
    const added = { id: 'id-A-4', key: 'A-4', rank: rankBetween(list[0]!.rank, list[1]!.rank), version: 1 };
    expect(keys(upsertByRank(list, added, true))).toEqual(['A-1', 'A-4', 'A-2', 'A-3']);
    expect(keys(upsertByRank(list, list[1]!, false))).toEqual(['A-1', 'A-3']);
  });
  it('keeps the newer copy when an older one arrives late', () => {
    const newer = [{ ...list[0]!, version: 3 }, list[1]!];
    const late = { ...list[0]!, rank: rankBetween(list[1]!.rank, null), version: 2 };
    expect(upsertByRank(newer, late, true)).toEqual(newer);
  });
});

describe('targetIndex', () => {
  it('moves one place or to either end, never past them', () => {
    expect(targetIndex(5, 2, 'up')).toBe(1);
    expect(targetIndex(5, 2, 'down')).toBe(3);
    expect(targetIndex(5, 2, 'top')).toBe(0);
    expect(targetIndex(5, 2, 'bottom')).toBe(4);
    expect(targetIndex(5, 0, 'up')).toBe(0);
    expect(targetIndex(5, 4, 'down')).toBe(4);
  });
});
