import { summarizeStory, type BacklogFilter, type StorySummary } from '@ordo/domain';
import { useCan, type Permission } from '../projects/access';
import { useListStoryEdit } from '../story/use-story-actions';
import { targetIndex, upsertByRank } from './backlog-order';
import type { MoveTo } from './backlog-row';
import { backlogKeys } from './queries';
import { rankRequest, useRankStory } from './use-rank-story';

/**
 * While only the first rows are here, nothing is reordered or estimated: a change is shown at once in the whole
 * list (and cancels its fetch to do so), and a move is placed among its neighbours there.
 */
const LOADING: Permission = {
  allowed: false,
  reason: 'The rest of the backlog is still loading: reorder once it is here',
};

/**
 * What a member may do to the backlog rows they see: reorder (PO) and estimate (developers, SM), once the
 * whole list is here (`isComplete`). `mayRank` is what their roles allow, whatever is loaded.
 */
export function useBacklogActions(
  projectKey: string,
  filter: BacklogFilter,
  stories: readonly StorySummary[],
  isComplete: boolean,
) {
  const mayRank = useCan('backlog.rank');
  const ranking = mayRank.allowed && !isComplete ? LOADING : mayRank;
  const estimating = useCan('story.estimate');
  const rank = useRankStory(projectKey, filter);
  const estimate = useListStoryEdit<{ items: StorySummary[] }>(
    projectKey,
    backlogKeys.filtered(projectKey, filter),
    (data, story) => ({
      items: upsertByRank(data.items, summarizeStory(story), true),
    }),
  );
  const reorder = (storyKey: string, to: number) => {
    const move = rankRequest(stories, { storyKey, to });
    if (move) rank.mutate(move);
  };
  const move = (story: StorySummary, to: MoveTo) =>
    reorder(
      story.key,
      targetIndex(
        stories.length,
        stories.findIndex((s) => s.key === story.key),
        to,
      ),
    );
  const onEstimate =
    estimating.allowed && isComplete
      ? (story: StorySummary, points: number | null) => estimate.mutate({ story, fields: { points } })
      : undefined;
  return { mayRank, ranking, reorder, move, onEstimate };
}
