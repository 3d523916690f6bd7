import { queryOptions } from '@tanstack/react-query';
import { storySummaryListResponse, type BacklogFilter } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath, queryString } from '../../shared/api/paths';

export const backlogKeys = {
  all: (key: string) => ['project', key, 'backlog'] as const,
  filtered: (key: string, filter: BacklogFilter) => ['project', key, 'backlog', filter] as const,
};

export const backlogQuery = (key: string, filter: BacklogFilter = {}) =>
  queryOptions({
    queryKey: backlogKeys.filtered(key, filter),
    // The lean list shape: a story's long texts are fetched when it is opened (the story drawer or page).
    queryFn: ({ signal }) =>
      request(
        `${projectPath(key)}/backlog${queryString({ ...filter, view: 'summary' })}`,
        storySummaryListResponse,
        { signal },
      ),
  });

/** An empty filter: the whole backlog, the list the live updates keep in place. */
export const isUnfiltered = (filter: BacklogFilter) =>
  Object.values(filter).every((v) => v === undefined || v === '');
