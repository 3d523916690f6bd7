import { useEffect, useState } from 'react';
import { queryOptions, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { startLiveSync, type LiveState } from '@ordo/client';
import { eventsResponse, type LiveUser } from '@ordo/domain';
import { request } from '../shared/api/client';
import { projectPath, queryString } from '../shared/api/paths';
import { applyEvent } from './apply-event';

/**
 * The project's latest seq, read before its views fetch their data: every later event is then replayed over
 * that data, and one the data already has changes nothing (story versions only go up).
 */
export const liveSinceQuery = (projectKey: string) =>
  queryOptions({
    queryKey: ['live-since', projectKey],
    queryFn: ({ signal }) =>
      request(`${projectPath(projectKey)}/events${queryString({ since: 0, limit: 1 })}`, eventsResponse, {
        signal,
      }),
    // Read once per visit: a later read could skip events the socket has not delivered yet.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    select: (data) => data.lastSeq,
  });

/** Too far behind to replay: note where the log is now, refetch everything of the project, go on from there. */
async function resync(queryClient: QueryClient, projectKey: string): Promise<number> {
  const { lastSeq } = await queryClient.fetchQuery({ ...liveSinceQuery(projectKey), staleTime: 0 });
  await queryClient.invalidateQueries({ queryKey: ['project', projectKey] });
  return lastSeq;
}

const liveUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;

export interface LiveProject {
  state: LiveState;
  /** Who has the project open right now, this member included. */
  presence: LiveUser[];
}

/** Follows a project while its views are open (one socket, `@ordo/client`); events update the query cache in place. */
export function useLiveProject(projectKey: string, since: number): LiveProject {
  const queryClient = useQueryClient();
  const [live, setLive] = useState<LiveProject>({ state: 'connecting', presence: [] });
  useEffect(() => {
    const sync = startLiveSync({
      url: liveUrl(),
      socket: (url) => new WebSocket(url),
      project: projectKey,
      since,
      onEvent: (event) => applyEvent(queryClient, projectKey, event),
      onResync: () => resync(queryClient, projectKey),
      onPresence: (presence) => setLive((l) => ({ ...l, presence })),
      onState: (state) => setLive((l) => ({ ...l, state })),
    });
    return () => sync.close();
  }, [queryClient, projectKey, since]);
  return live;
}
