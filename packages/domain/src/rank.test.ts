import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareRanks, rankAtBottom, rankAtTop, rankBetween, rankForMove, ranksBetween } from './rank';

const sorted = (ranks: string[]) => [...ranks].sort(compareRanks);

describe('ranks', () => {
  it('puts a new rank strictly between its neighbours', () => {
    const a = rankAtBottom(null);
    const c = rankAtBottom(a);
    const b = rankBetween(a, c);
    expect(sorted([c, b, a])).toEqual([a, b, c]);
    expect(compareRanks(rankAtTop(a), a)).toBe(-1);
  });

  it('keeps order and uniqueness when many moves pick the same spot', () => {
    const first = rankAtBottom(null);
    const second = rankAtBottom(first);
    let upper = second;
    const placed: string[] = [];
    for (let i = 0; i < 500; i++) {
      upper = rankBetween(first, upper); // always "just after the first story"
      placed.push(upper);
    }
    expect(new Set(placed).size).toBe(500);
    expect(sorted([...placed, first, second])).toEqual([first, ...placed.reverse(), second]);
    expect(placed.every((r) => r.length < 200)).toBe(true);
  });

  it('gives n ascending ranks between two neighbours', () => {
    const [low, high] = [rankAtBottom(null), rankAtBottom(rankAtBottom(null))];
    const many = ranksBetween(low, high, 10);
    expect(many).toEqual(sorted(many));
    expect(new Set(many).size).toBe(10);
    expect(compareRanks(low, many[0]!)).toBe(-1);
    expect(compareRanks(many[9]!, high)).toBe(-1);
  });

  it('places before or after an anchor, on the right side of its neighbour', () => {
    const [a, b] = ranksBetween(null, null, 2) as [string, string];
    const beforeB = rankForMove('before', b, a);
    const afterA = rankForMove('after', a, b);
    expect(sorted([b, beforeB, a])).toEqual([a, beforeB, b]);
    expect(sorted([b, afterA, a])).toEqual([a, afterA, b]);
    expect(compareRanks(rankForMove('before', a, null), a)).toBe(-1);
    expect(compareRanks(rankForMove('after', b, null), b)).toBe(1);
  });

  it('inserts anywhere in any list without breaking its order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), (positions) => {
        const list: string[] = [];
        for (const p of positions) {
          const at = p % (list.length + 1);
          list.splice(at, 0, rankBetween(list[at - 1] ?? null, list[at] ?? null));
        }
        expect(list).toEqual(sorted(list));
        expect(new Set(list).size).toBe(list.length);
      }),
    );
  });
});
