import { useQuery } from '@tanstack/react-query';
import { sumPoints } from '@ordo/domain';
import type { Story } from '@ordo/domain';
import { EmptyState, ErrorState, RoleHint, Skeleton } from '../../shared/ui/feedback';
import { describeError } from '../../shared/api/client';
import { useCan } from '../projects/access';
import { useListStoryEdit } from '../story/use-story-actions';
import { useProjectKey } from '../projects/use-project-key';
import { BacklogFilters } from './backlog-filters';
import { BacklogList } from './backlog-list';
import { targetIndex, upsertByRank } from './backlog-order';
import type { MoveTo } from './backlog-row';
import { QuickAdd } from './quick-add';
import { backlogKeys, backlogQuery, isUnfiltered } from './queries';
import { useBacklogFilter } from './use-backlog-filter';
import { rankRequest, useRankStory } from './use-rank-story';
import './backlog.css';

export function BacklogPage() {
  const projectKey = useProjectKey();
  const [filter, setFilter] = useBacklogFilter();
  const backlog = useQuery(backlogQuery(projectKey, filter));
  const ranking = useCan('backlog.rank');
  const rank = useRankStory(projectKey, filter);
  const estimating = useCan('story.estimate');
  const estimate = useListStoryEdit<{ items: Story[] }>(projectKey, backlogKeys.filtered(projectKey, filter), (data, story) => ({
    items: upsertByRank(data.items, story, true),
  }));
  const stories = backlog.data?.items ?? [];
  const reorder = (storyKey: string, to: number) => {
    const move = rankRequest(stories, { storyKey, to });
    if (move) rank.mutate(move);
  };
  const move = (story: Story, to: MoveTo) => {
    const from = stories.findIndex((s) => s.key === story.key);
    reorder(story.key, targetIndex(stories.length, from, to));
  };
  return (
    <main className="page">
      <div className="page-header">
        <h1>Backlog</h1>
        <span className="muted" data-testid="backlog-summary">
          {stories.length} stories · {sumPoints(stories)} points
        </span>
        <span className="spacer" />
        <BacklogFilters projectKey={projectKey} filter={filter} onChange={setFilter} />
      </div>
      {!ranking.allowed && <RoleHint reason={ranking.reason}>You see the order the Product Owner set.</RoleHint>}
      {backlog.isPending ? (
        <Skeleton rows={8} label="Loading the backlog" />
      ) : backlog.isError ? (
        <ErrorState message={describeError(backlog.error)} onRetry={() => backlog.refetch()} />
      ) : stories.length === 0 ? (
        <EmptyState title={isUnfiltered(filter) ? 'The backlog is empty' : 'No story matches these filters'}>
          {isUnfiltered(filter) ? 'Add the first story below.' : 'Clear a filter to see more.'}
        </EmptyState>
      ) : (
        <BacklogList
          projectKey={projectKey}
          stories={stories}
          ranking={ranking}
          onReorder={reorder}
          onMove={move}
          onEstimate={estimating.allowed ? (story, points) => estimate.mutate({ story, fields: { points } }) : undefined}
        />
      )}
      <QuickAdd projectKey={projectKey} />
    </main>
  );
}
