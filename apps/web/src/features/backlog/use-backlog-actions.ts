import { summarizeStory, type BacklogFilter, type StorySummary } from '@ordo/domain';
import { useCan } from '../projects/access';
import { useListStoryEdit } from '../story/use-story-actions';
import { targetIndex, upsertByRank } from './backlog-order';
import type { MoveTo } from './backlog-row';
import { backlogKeys } from './queries';
import { rankRequest, useRankStory } from './use-rank-story';

/** What a member may do to the backlog rows they see: reorder (PO) and estimate (developers, SM). */
export function useBacklogActions(
  projectKey: string,
  filter: BacklogFilter,
  stories: readonly StorySummary[],
) {
  const ranking = useCan('backlog.rank');
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
  const onEstimate = estimating.allowed
    ? (story: StorySummary, points: number | null) => estimate.mutate({ story, fields: { points } })
    : undefined;
  return { ranking, reorder, move, onEstimate };
}
