import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { LiveConnection, liveUrl, type LiveState } from './live-connection';
import { applyEvent } from './apply-event';
import { liveSinceQuery } from './use-live-project';

interface Live {
  connection: LiveConnection | null;
  state: LiveState;
}
const LiveContext = createContext<Live>({ connection: null, state: 'connecting' });

/** Too far behind to replay: note where the log is now, refetch everything of the project, follow on from there. */
async function resync(queryClient: QueryClient, connection: LiveConnection, project: string) {
  const since = await queryClient.fetchQuery({ ...liveSinceQuery(project), staleTime: 0 });
  await queryClient.invalidateQueries({ queryKey: ['project', project] });
  connection.subscribe(project, since.lastSeq);
}

/** One socket for the app's lifetime; events go straight into the query cache. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState<Live>({ connection: null, state: 'connecting' });
  useEffect(() => {
    const connection: LiveConnection = new LiveConnection(liveUrl(), {
      onEvent: (project, event) => applyEvent(queryClient, project, event),
      onResync: (project) => void resync(queryClient, connection, project).catch(() => undefined),
      onState: (state) => setLive((l) => ({ ...l, state })),
    });
    setLive({ connection, state: 'connecting' });
    return () => connection.close();
  }, [queryClient]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export const useLive = () => useContext(LiveContext);
