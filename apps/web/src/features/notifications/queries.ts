import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { notificationsResponse, type Notification, type NotificationType } from '@ordo/domain';
import { request } from '../../shared/api/client';

/** The newest notifications shown in the bell's list. */
const SHOWN = 30;

export const inboxKey = ['notifications'] as const;
type Inbox = { items: Notification[]; unread: number };

export const inboxQuery = queryOptions({
  queryKey: inboxKey,
  queryFn: ({ signal }) => request(`/me/notifications?limit=${SHOWN}`, notificationsResponse, { signal }),
});

/** A notification that arrived live goes on top of the list (once) and counts as unread. */
export function addNotification(client: QueryClient, notification: Notification) {
  client.setQueryData<Inbox>(inboxKey, (inbox) => {
    if (!inbox) return inbox;
    if (inbox.items.some((n) => n.id === notification.id)) return inbox;
    return {
      items: [notification, ...inbox.items].slice(0, SHOWN),
      unread: inbox.unread + (notification.read ? 0 : 1),
    };
  });
}

/** Marked read here at once; the server is told, and the list is reread either way. */
export async function markRead(client: QueryClient, which: { ids: string[] } | { all: true }) {
  client.setQueryData<Inbox>(inboxKey, (inbox) => {
    if (!inbox) return inbox;
    const isMarked = (n: Notification) => 'all' in which || which.ids.includes(n.id);
    const items = inbox.items.map((n) => (isMarked(n) ? { ...n, read: true } : n));
    const newlyRead = inbox.items.filter((n) => !n.read && isMarked(n)).length;
    return { items, unread: 'all' in which ? 0 : Math.max(0, inbox.unread - newlyRead) };
  });
  try {
    await request('/me/notifications/read', null, { method: 'POST', body: which });
  } finally {
    await client.invalidateQueries({ queryKey: inboxKey });
  }
}

/** Where a notification leads: its story, or the project it is about. */
export const linkOf = (n: Notification) =>
  n.story ? `/projects/${n.project.key}/stories/${n.story.key}` : `/projects/${n.project.key}`;

/**
 * The notifications that need doing something about, with the words the list flags them with: a
 * dependency conflict asks a PO to re-rank (the text says which story, and what either PO can do).
 */
export const KIND_LABELS: Partial<Record<NotificationType, string>> = {
  dependency_conflict: 'Dependency conflict',
};
