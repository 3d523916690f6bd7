import {
  liveServerMessage,
  type LiveErrorCode,
  type LiveServerMessage,
  type LiveUser,
  type ProjectEvent,
} from '@ordo/domain';
import { DEFAULT_BACKOFF, isFatal, nextStep, reconnectDelay, type Backoff } from './rules';
import { hostTimers, OPEN, type LiveSocket, type SocketFactory, type Timers } from './socket';

/** connecting → open; on a dropped socket reconnecting → connecting → open …; closed for good. */
export type LiveState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LiveSyncOptions {
  /** The socket's address, e.g. `wss://ordo.example.com/api/live`. */
  url: string;
  socket: SocketFactory;
  /** The project key, e.g. `SHOP`. */
  project: string;
  /** The seq the app's copy of the project is at (the `lastSeq` of the data it loaded). */
  since: number;
  /** Every event after `since`, once each, in seq order. */
  onEvent(event: ProjectEvent): void;
  /** The server will not replay: refetch the project and return the seq the fresh data is at. */
  onResync(): Promise<number> | number;
  onPresence?(users: LiveUser[]): void;
  onState?(state: LiveState): void;
  /** An error from the server; after `not_found`, `forbidden` and `unauthenticated` the client stops. */
  onError?(error: { code: LiveErrorCode; message?: string | undefined }): void;
  backoff?: Backoff;
  random?: () => number;
  timers?: Timers;
}

export interface LiveSync {
  readonly state: LiveState;
  /** The seq of the last event delivered (or of the last refetch). */
  readonly lastSeq: number;
  /** Who is looking at the project now. */
  readonly presence: LiveUser[];
  close(): void;
}

/** Follows one project live: subscribes, delivers events in order, reconnects and resumes after a drop. */
export function startLiveSync(options: LiveSyncOptions): LiveSync {
  return new LiveSyncClient(options);
}

class LiveSyncClient implements LiveSync {
  state: LiveState = 'connecting';
  lastSeq: number;
  presence: LiveUser[] = [];
  private socket: LiveSocket | undefined;
  private attempt = 0;
  private retry: unknown;
  private resyncing = false;
  private readonly timers: Timers;

  constructor(private readonly options: LiveSyncOptions) {
    this.lastSeq = options.since;
    this.timers = options.timers ?? hostTimers;
    this.connect();
  }

  close() {
    this.setState('closed');
    this.timers.clearTimeout(this.retry);
    this.socket?.close(1000, 'done');
  }

  private connect() {
    const socket = this.options.socket(this.options.url);
    this.socket = socket;
    this.setState('connecting');
    socket.onopen = () => {
      this.setState('open');
      this.subscribe();
    };
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = () => this.dropped(socket);
    socket.onerror = () => {}; // a close follows every error; it is handled there
  }

  private subscribe() {
    if (this.resyncing || this.socket?.readyState !== OPEN) return;
    this.socket.send(
      JSON.stringify({ type: 'subscribe', project: this.options.project, since: this.lastSeq }),
    );
  }

  private dropped(socket: LiveSocket) {
    if (socket !== this.socket || this.state === 'closed') return;
    this.setState('reconnecting');
    const delay = reconnectDelay(
      this.attempt++,
      this.options.backoff ?? DEFAULT_BACKOFF,
      this.options.random ?? Math.random,
    );
    this.retry = this.timers.setTimeout(() => this.connect(), delay);
  }

  private receive(data: unknown) {
    const parsed = typeof data === 'string' ? liveServerMessage.safeParse(safeJson(data)) : undefined;
    // Notifications are the inbox's (see \`startInbox\`); a project's follower takes only its own project's frames.
    if (
      !parsed?.success ||
      parsed.data.type === 'notification' ||
      (parsed.data.project ?? this.options.project) !== this.options.project
    )
      return;
    // The server answered on this connection: the next drop starts the backoff afresh.
    this.attempt = 0;
    this.handle(parsed.data);
  }

  private handle(message: LiveServerMessage) {
    switch (message.type) {
      case 'event':
        return this.take(message.event);
      case 'presence':
        this.presence = message.users;
        return this.options.onPresence?.(message.users);
      case 'resync':
        return void this.resync();
      case 'error':
        this.options.onError?.({ code: message.code, message: message.message });
        if (isFatal(message.code)) return this.close();
        // The subscription failed on the server's side: a new connection tries again, after the backoff.
        if (message.code === 'unavailable') this.socket?.close(1000, 'retry');
        return;
    }
  }

  private take(event: ProjectEvent) {
    const step = nextStep(this.lastSeq, event.seq);
    if (step === 'gap') return this.subscribe();
    if (step === 'repeat') return;
    this.lastSeq = event.seq;
    this.options.onEvent(event);
  }

  /** Refetching failed? Drop the socket: the next connection is told to resync again, after the backoff. */
  private async resync() {
    this.resyncing = true;
    try {
      this.lastSeq = await this.options.onResync();
      this.resyncing = false;
      this.subscribe();
    } catch {
      this.resyncing = false;
      this.socket?.close(1000, 'retry');
    }
  }

  private setState(state: LiveState) {
    if (this.state === state || this.state === 'closed') return;
    this.state = state;
    this.options.onState?.(state);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
