import { useEffect } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { startLiveSync } from '@ordo/client';
import { eventsResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath, queryString } from '../../shared/api/paths';

const liveUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
const lastSeqOf = (team: string) =>
  request(`${projectPath(team)}/events${queryString({ since: 0, limit: 1 })}`, eventsResponse).then(
    (r) => r.lastSeq,
  );

/**
 * Keeps a product view live (`refresh`: the roadmap, the feedback inbox): follows every team of the product
 * the reader may read (one subscription each) and refetches the view on any of their events, since a
 * re-rank, an estimate or a sprint in one team can move every epic, and a product's writes are logged in a
 * team. A team the reader cannot read answers `not_found` and is simply not followed.
 */
export function useLiveProduct(teams: readonly string[], refresh: QueryKey) {
  const queryClient = useQueryClient();
  const teamList = teams.join(',');
  const refreshKey = JSON.stringify(refresh);
  useEffect(() => {
    const queryKey = JSON.parse(refreshKey) as QueryKey;
    const refetch = () => queryClient.invalidateQueries({ queryKey });
    let closed = false;
    const syncs = teamList
      .split(',')
      .filter(Boolean)
      .map(async (team) => {
        const since = await lastSeqOf(team).catch(() => null);
        if (since === null || closed) return null;
        // Anything written between the roadmap's read and `since` is caught by one refetch here.
        void refetch();
        return startLiveSync({
          url: liveUrl(),
          socket: (url) => new WebSocket(url),
          project: team,
          since,
          onEvent: () => void refetch(),
          onResync: async () => {
            await refetch();
            return lastSeqOf(team);
          },
        });
      });
    return () => {
      closed = true;
      for (const sync of syncs) void sync.then((s) => s?.close());
    };
  }, [queryClient, teamList, refreshKey]);
}
