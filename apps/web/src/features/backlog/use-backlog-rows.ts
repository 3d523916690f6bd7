import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { BacklogFilter } from '@ordo/domain';
import { backlogFirstRowsQuery, backlogQuery } from './queries';

/**
 * The rows the backlog shows: the whole list once it is here; until then its first rows, from a request small
 * enough to answer at once whatever the backlog's size (the whole of 50,000 stories takes seconds to select,
 * send and parse). The whole list is asked for once the first rows are answered: asked together, the server
 * would encode the whole list first and the small answer would wait behind it. When the whole list is cached
 * already (coming back to the page), the first rows are not asked for.
 */
export function useBacklogRows(projectKey: string, filter: BacklogFilter) {
  const whole = backlogQuery(projectKey, filter);
  const isCached = useQueryClient().getQueryData(whole.queryKey) !== undefined;
  const firstRows = useQuery({ ...backlogFirstRowsQuery(projectKey, filter), enabled: !isCached });
  const backlog = useQuery({ ...whole, enabled: isCached || !firstRows.isPending });
  const isComplete = backlog.data !== undefined;
  return {
    backlog,
    stories: backlog.data?.items ?? firstRows.data?.items ?? [],
    isComplete,
    /** Rows to show, the whole list or its first rows (on a failure of the whole list, none). */
    isShown: isComplete || (firstRows.data !== undefined && !backlog.isError),
  };
}
