import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { startInbox } from '@ordo/client';
import { addNotification, inboxKey } from './queries';

const liveUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;

/** Keeps the inbox live while signed in: one socket of its own, on every page (notifications need no subscription). */
export function useLiveInbox() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const inbox = startInbox({
      url: liveUrl(),
      socket: (url) => new WebSocket(url),
      onNotification: (notification) => addNotification(queryClient, notification),
      onReconnected: () => void queryClient.invalidateQueries({ queryKey: inboxKey }),
    });
    return () => inbox.close();
  }, [queryClient]);
}
