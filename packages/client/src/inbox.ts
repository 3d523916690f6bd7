import { liveServerMessage, type Notification } from '@ordo/domain';
import { DEFAULT_BACKOFF, reconnectDelay, type Backoff } from './rules';
import { hostTimers, type LiveSocket, type SocketFactory, type Timers } from './socket';

export interface InboxOptions {
  /** The socket's address, e.g. `wss://ordo.example.com/api/live`. */
  url: string;
  socket: SocketFactory;
  /** Each notification for the signed-in user, as it is written. */
  onNotification(notification: Notification): void;
  /**
   * The socket opened again after a drop: what was written meanwhile was not sent, so reread the inbox.
   * Not called for the first connection.
   */
  onReconnected?(): void;
  /** The session ended: the server closed the socket for good. */
  onSignedOut?(): void;
  backoff?: Backoff;
  random?: () => number;
  timers?: Timers;
}

/**
 * The user's notifications over `GET /api/live`: the server sends them to every socket of the user with
 * no subscription, so this only keeps a socket open (reconnecting with the same backoff as project sync).
 */
export function startInbox(options: InboxOptions): { close(): void } {
  const timers = options.timers ?? hostTimers;
  let socket: LiveSocket | undefined;
  let retry: unknown;
  let attempt = 0;
  let opened = false;
  let closed = false;

  const close = () => {
    closed = true;
    timers.clearTimeout(retry);
    socket?.close(1000, 'done');
  };
  const connect = () => {
    const current = options.socket(options.url);
    socket = current;
    current.onopen = () => {
      attempt = 0;
      if (opened) options.onReconnected?.();
      opened = true;
    };
    current.onmessage = ({ data }) => {
      const parsed = typeof data === 'string' ? liveServerMessage.safeParse(safeJson(data)) : undefined;
      if (!parsed?.success) return;
      if (parsed.data.type === 'notification') options.onNotification(parsed.data.notification);
      if (parsed.data.type === 'error' && parsed.data.code === 'unauthenticated') {
        close();
        options.onSignedOut?.();
      }
    };
    current.onclose = () => {
      if (closed || current !== socket) return;
      retry = timers.setTimeout(
        connect,
        reconnectDelay(attempt++, options.backoff ?? DEFAULT_BACKOFF, options.random ?? Math.random),
      );
    };
    current.onerror = () => {}; // a close follows every error; it is handled there
  };
  connect();
  return { close };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
