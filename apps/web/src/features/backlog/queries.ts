import { queryOptions } from '@tanstack/react-query';
import {
  backlogAsStoryList,
  storyPageResponse,
  storySummaryListResponse,
  summarizeStory,
  type BacklogFilter,
} from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath, queryString } from '../../shared/api/paths';

/** The first answer's rows: more than a tall screen shows, with the virtual list's overscan. */
export const FIRST_ROWS = 60;

export const backlogKeys = {
  all: (key: string) => ['project', key, 'backlog'] as const,
  filtered: (key: string, filter: BacklogFilter) => ['project', key, 'backlog', filter] as const,
  // Outside `all`: live updates and invalidations after a change are about the whole list, not this glimpse.
  firstRows: (key: string, filter: BacklogFilter) => ['project', key, 'backlog-first-rows', filter] as const,
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

/**
 * The top of the same backlog, from one small All-stories page: shown while the whole backlog (seconds at
 * 50,000 stories) is still on its way.
 */
export const backlogFirstRowsQuery = (key: string, filter: BacklogFilter) =>
  queryOptions({
    queryKey: backlogKeys.firstRows(key, filter),
    queryFn: async ({ signal }) => {
      const params = { ...backlogAsStoryList(filter), limit: FIRST_ROWS };
      const page = await request(`${projectPath(key)}/stories${queryString(params)}`, storyPageResponse, {
        signal,
      });
      return { items: page.items.map(summarizeStory) };
    },
  });

/** An empty filter: the whole backlog, the list the live updates keep in place. */
export const isUnfiltered = (filter: BacklogFilter) =>
  Object.values(filter).every((v) => v === undefined || v === '');
