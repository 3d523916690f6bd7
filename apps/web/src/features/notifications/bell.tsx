import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Notification } from '@ordo/domain';
import { formatMoment } from '../../shared/ui/format';
import { inboxQuery, KIND_LABELS, linkOf, markRead } from './queries';
import { useLiveInbox } from './use-live-inbox';
import './notifications.css';

/** Drawn, not an emoji: it looks the same on every system and takes the text colour. */
const BellIcon = () => (
  <svg
    aria-hidden="true"
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </svg>
);

function Item({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const label = KIND_LABELS[notification.type];
  return (
    <li className={notification.read ? 'notification' : 'notification unread'} data-type={notification.type}>
      <Link to={linkOf(notification)} onClick={onOpen}>
        {label && <span className="chip chip-danger notification-kind">{label}</span>}
        {/* Text, never markup: it quotes what people typed. */}
        <span className="notification-text">{notification.text}</span>
        <span className="muted notification-meta">
          {notification.project.name} · {formatMoment(notification.at)}
        </span>
      </Link>
    </li>
  );
}

/** The bell in the top bar: the unread count, and the list of the newest notifications, live. */
export function NotificationBell() {
  useLiveInbox();
  const queryClient = useQueryClient();
  const inbox = useQuery(inboxQuery);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) =>
      root.current && !root.current.contains(e.target as Node) && setOpen(false);
    const escape = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];
  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  const opened = (n: Notification) => {
    setOpen(false);
    if (!n.read) void markRead(queryClient, { ids: [n.id] }).catch(() => undefined);
  };
  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="btn btn-ghost"
        aria-label={label}
        title={label}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="bell-count" data-testid="unread-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section className="bell-panel card" aria-label="Notifications">
          <header className="row bell-header">
            <strong>Notifications</strong>
            <span className="spacer" />
            <button
              type="button"
              className="btn btn-ghost"
              disabled={unread === 0}
              onClick={() => void markRead(queryClient, { all: true }).catch(() => undefined)}
            >
              Mark all read
            </button>
          </header>
          {inbox.isError && <p className="muted">The notifications could not be loaded.</p>}
          {inbox.isSuccess && items.length === 0 && (
            <p className="muted">
              Nothing yet. Mentions, assignments, news of the stories you watch and dependency conflicts
              between your team and another show here.
            </p>
          )}
          <ul className="notification-list">
            {items.map((n) => (
              <Item key={n.id} notification={n} onOpen={() => opened(n)} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
