import { infiniteQueryOptions } from '@tanstack/react-query';
import { activityResponse, type EventKind } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath, queryString } from '../../shared/api/paths';

export interface ActivityFilter {
  actor?: string;
  kind?: EventKind;
}

/** The activity feed, a page of 50 at a time going back in time. */
export const activityQuery = (key: string, filter: ActivityFilter) =>
  infiniteQueryOptions({
    queryKey: ['project', key, 'activity', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ signal, pageParam }) =>
      request(
        `${projectPath(key)}/activity${queryString({ ...filter, before: pageParam, limit: 50 })}`,
        activityResponse,
        { signal },
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
