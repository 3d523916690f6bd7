import {
  storyResponse,
  summarizeStory,
  type BacklogFilter,
  type Story,
  type StorySummary,
} from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';
import { cacheChange, useOptimisticMutation } from '../../shared/api/optimistic';
import { moveStory, placementFor, upsertByRank, type Placement } from './backlog-order';
import { backlogKeys } from './queries';

interface RankMove {
  storyKey: string;
  to: number;
}
type Backlog = { items: StorySummary[] };
type Move = RankMove & { body: Placement & { story: string } };

/** The PO's reorder: shown at once, saved with one `POST /backlog/rank`, undone with a toast if refused. */
export function useRankStory(projectKey: string, filter: BacklogFilter) {
  return useOptimisticMutation<Move, { story: Story }>({
    mutationKey: ['rank', projectKey],
    mutationFn: ({ body }) =>
      request(`${projectPath(projectKey)}/backlog/rank`, storyResponse, { method: 'POST', body }),
    changes: [
      cacheChange<Backlog, Move, { story: Story }>(
        backlogKeys.filtered(projectKey, filter),
        (data, { storyKey, to }) => ({ items: moveStory(data.items, storyKey, to) }),
        (data, { story }) => ({ items: upsertByRank(data.items, summarizeStory(story), true) }),
      ),
    ],
    invalidate: [backlogKeys.all(projectKey)],
  });
}

/** The request for a move within `list`, or null when the move changes nothing. */
export function rankRequest(list: readonly { key: string; rank: string }[], { storyKey, to }: RankMove) {
  const from = list.findIndex((s) => s.key === storyKey);
  if (from < 0 || from === to) return null;
  const placement = placementFor(
    moveStory(list, storyKey, to).map((s) => s.key),
    storyKey,
  );
  return placement && { storyKey, to, body: { story: storyKey, ...placement } };
}
