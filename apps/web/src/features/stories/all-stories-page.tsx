import { useMemo } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { storyResponse, type Story } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { storyPath } from '../../shared/api/paths';
import { EmptyState, ErrorState, Skeleton } from '../../shared/ui/feedback';
import { storyCount } from '../../shared/ui/format';
import { useToast } from '../../shared/ui/toast';
import { useSearchFields } from '../../shared/ui/use-search-fields';
import { backlogKeys } from '../backlog/queries';
import { useProjectKey } from '../projects/use-project-key';
import { isNarrowed, LIST_FIELDS, toListParams } from './list-filter';
import { ListFilters } from './list-filters';
import { storyListKeys, storyListQuery } from './queries';
import { StoryList } from './story-list';
import './all-stories.css';

/** Takes a story out of the trash: it is back where it was (its backlog place, its sprint). */
function useRestore(projectKey: string) {
  const queryClient = useQueryClient();
  const notify = useToast();
  return useMutation({
    mutationFn: (story: Story) =>
      request(`${storyPath(projectKey, story.key)}/restore`, storyResponse, { method: 'POST' }),
    onSuccess: ({ story }) => {
      notify(`${story.key} is back`);
      void queryClient.invalidateQueries({ queryKey: storyListKeys.all(projectKey) });
      void queryClient.invalidateQueries({ queryKey: backlogKeys.all(projectKey) });
    },
    onError: (error) => notify(describeError(error), 'error'),
  });
}

/**
 * Every story of the project, open or done, in a sprint or not, or the trash: filtered and sorted from the
 * URL, a page of 100 at a time.
 */
export function AllStoriesPage() {
  const projectKey = useProjectKey();
  const [view, setView] = useSearchFields(LIST_FIELDS);
  const params = useMemo(() => toListParams(view), [view]);
  const list = useInfiniteQuery(storyListQuery(projectKey, params));
  const restore = useRestore(projectKey);
  const stories = list.data?.pages.flatMap((p) => p.items) ?? [];
  const inTrash = params.deleted === 'true';
  return (
    <main className="page">
      <div className="page-header">
        <h1>{inTrash ? 'Trash' : 'All stories'}</h1>
        <span className="muted" data-testid="story-count">
          {storyCount(stories.length)}
          {list.hasNextPage ? ' shown' : ''}
        </span>
        <span className="spacer" />
      </div>
      <ListFilters projectKey={projectKey} params={params} onChange={setView} />
      {list.isPending ? (
        <Skeleton rows={8} label="Loading the stories" />
      ) : list.isError ? (
        <ErrorState message={describeError(list.error)} onRetry={() => list.refetch()} />
      ) : stories.length === 0 ? (
        <EmptyState title={inTrash ? 'The trash is empty' : 'No story here'}>
          {isNarrowed(params) ? 'Clear a filter to see more.' : inTrash ? 'Deleted stories land here.' : ''}
        </EmptyState>
      ) : (
        <StoryList
          projectKey={projectKey}
          stories={stories}
          onRestore={inTrash ? (story) => restore.mutate(story) : undefined}
        />
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="btn"
          disabled={list.isFetchingNextPage}
          onClick={() => list.fetchNextPage()}
        >
          More stories
        </button>
      )}
    </main>
  );
}
