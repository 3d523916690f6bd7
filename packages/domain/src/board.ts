import { compareRanks, type Rank } from './rank';
import type { Status } from './schemas/project';

export interface BoardColumn<S> {
  status: Status;
  wipLimit: number | null;
  overLimit: boolean;
  stories: S[];
}

/**
 * The board: one column per status in workflow order, each in rank order (the PO's priority, so nobody but the
 * PO reorders a column). A WIP limit is soft: a column holding more flags `overLimit`. `shows` filters the
 * cards (the daily's "by assignee") without changing what counts against the limit.
 */
export function buildBoard<S extends { statusId: string; rank: Rank }>(
  statuses: readonly Status[],
  stories: readonly S[],
  shows: (story: S) => boolean = () => true,
): BoardColumn<S>[] {
  const ordered = [...stories].sort((a, b) => compareRanks(a.rank, b.rank));
  return statuses.map((status) => {
    const inColumn = ordered.filter((s) => s.statusId === status.id);
    return {
      status,
      wipLimit: status.wipLimit,
      overLimit: status.wipLimit !== null && inColumn.length > status.wipLimit,
      stories: inColumn.filter(shows),
    };
  });
}
