import { useEffect } from 'react';
import { queryOptions } from '@tanstack/react-query';
import { eventsResponse } from '@ordo/domain';
import { request } from '../shared/api/client';
import { projectPath, queryString } from '../shared/api/paths';
import { useLive } from './live-provider';
import type { LiveState } from './live-connection';

/**
 * The project's latest seq, read before its views fetch their data: every later event is then replayed over
 * that data, and one the data already has changes nothing (story versions only go up).
 */
export const liveSinceQuery = (projectKey: string) =>
  queryOptions({
    queryKey: ['live-since', projectKey],
    queryFn: ({ signal }) =>
      request(`${projectPath(projectKey)}/events${queryString({ since: 0, limit: 1 })}`, eventsResponse, { signal }),
    // Read once per visit: a later read could skip events the socket has not delivered yet.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    select: (data) => data.lastSeq,
  });

/** Follows a project while its views are open. */
export function useLiveProject(projectKey: string, since: number): LiveState {
  const { connection, state } = useLive();
  useEffect(() => {
    if (!connection) return;
    connection.subscribe(projectKey, since);
    return () => connection.unsubscribe(projectKey);
  }, [connection, projectKey, since]);
  return state;
}
