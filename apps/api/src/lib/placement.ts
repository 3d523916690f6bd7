import { invalid, rankBetween, rankForMove } from '@ordo/domain';

type Side = 'before' | 'after';

export interface PlacementLookup<K> {
  /** What the anchors must be, for the error message: "a story of this project". */
  what: string;
  rankOf(key: K): Promise<string | undefined>;
  /** The rank next to `rank` on `side`, skipping the item being moved. */
  neighbour(rank: string, side: Side): Promise<string | null>;
}

/**
 * The new rank of an item placed just before `before`, just after `after`, or between both: shared by
 * the backlog (PO) and the roadmap (PM), which differ only in where their ranks live.
 */
export async function placeRank<K>(
  move: { before?: K | undefined; after?: K | undefined },
  lookup: PlacementLookup<K>,
) {
  const anchor = async (side: Side) => {
    const key = move[side];
    if (key === undefined) return undefined;
    const rank = await lookup.rankOf(key);
    if (rank === undefined) throw invalid(side, `${String(key)} is not ${lookup.what}`);
    return rank;
  };
  const [before, after] = [await anchor('before'), await anchor('after')];
  if (before !== undefined && after !== undefined) {
    if (after >= before) throw invalid('after', 'must come before `before` in the list');
    // Between two items that are not neighbours, the middle rank may be one a third item holds already.
    if ((await lookup.neighbour(after, 'after')) !== before) {
      throw invalid('before', 'must be the item right after `after` (or send only one of them)');
    }
    return rankBetween(after, before);
  }
  const side: Side = before !== undefined ? 'before' : 'after';
  const target = (before ?? after)!;
  return rankForMove(side, target, await lookup.neighbour(target, side));
}
