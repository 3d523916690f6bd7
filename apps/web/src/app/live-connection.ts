import { projectEvent, type ProjectEvent } from '@ordo/domain';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  onEvent: (project: string, event: ProjectEvent) => void;
  /** The server could not replay what was missed: refetch the project. */
  onResync: (project: string) => void;
  onState: (state: LiveState) => void;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * One socket for the whole app (`GET /api/live`). It remembers the last seq seen per project so a reconnect
 * resumes where it left off and the server replays the gap; events at or below that seq are dropped.
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private readonly lastSeq = new Map<string, number>();
  private attempts = 0;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly url: string,
    private readonly handlers: LiveHandlers,
  ) {}

  subscribe(project: string, since: number) {
    this.lastSeq.set(project, since);
    if (!this.socket) this.connect();
    else this.send({ type: 'subscribe', project, since });
  }

  unsubscribe(project: string) {
    this.lastSeq.delete(project);
    this.send({ type: 'unsubscribe', project });
  }


  close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.socket?.close();
  }

  private connect() {
    this.handlers.onState(this.attempts === 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.handlers.onState('live');
      for (const [project, since] of this.lastSeq) this.send({ type: 'subscribe', project, since });
    };
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = () => this.scheduleReconnect();
  }

  private scheduleReconnect() {
    this.socket = null;
    if (this.closed) return;
    this.handlers.onState('reconnecting');
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempts++);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private receive(raw: unknown) {
    const message = parseMessage(raw);
    if (!message || !this.lastSeq.has(message.project)) return;
    if (message.type === 'resync') return this.handlers.onResync(message.project);
    if (message.seq <= (this.lastSeq.get(message.project) ?? 0)) return;
    this.lastSeq.set(message.project, message.seq);
    this.handlers.onEvent(message.project, message.event);
  }

  private send(message: object) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

type ServerMessage =
  | { type: 'event'; project: string; seq: number; event: ProjectEvent }
  | { type: 'resync'; project: string };

/** The server's messages we act on; anything else (errors, unknown types, bad JSON) is ignored. */
export function parseMessage(raw: unknown): ServerMessage | null {
  let data: unknown;
  try {
    data = typeof raw === 'string' ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (typeof m.project !== 'string') return null;
  if (m.type === 'resync') return { type: 'resync', project: m.project };
  const event = projectEvent.safeParse(m.event);
  if (m.type === 'event' && typeof m.seq === 'number' && event.success) {
    return { type: 'event', project: m.project, seq: m.seq, event: event.data };
  }
  return null;
}

export const liveUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
