import type { RawData, WebSocket } from 'ws';
import type { LiveClientMessage, LiveServerMessage, LiveUser } from '@ordo/domain';
import { parseClientFrame } from './frames';
import { takeToken, type Bucket } from './rules';
import type { Subscriber } from './subscriptions';

/** Close code for a socket the server ends on purpose (too many messages, signed out). */
const POLICY_VIOLATION = 1008;

function textOf(data: RawData) {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}

/** What a socket hands on: its client's messages (one at a time) and its end. */
export interface ConnectionEvents {
  /** A well-formed client message; the next one waits until this one's promise settles. */
  received(message: LiveClientMessage): Promise<void>;
  closed(): void;
}

/**
 * One live socket of one signed-in user, and only the transport: it sends, pings, limits its client's
 * messages, parses them and hands them on one at a time (so a subscribe and the unsubscribe after it never
 * race). What it is subscribed to is `Subscriptions`' business.
 */
export class LiveConnection implements Subscriber {
  private bucket: Bucket;
  private queue = Promise.resolve();
  private alive = true;
  private closing = false;

  constructor(
    private readonly socket: WebSocket,
    readonly user: LiveUser,
    /** The hash of the session secret the socket was opened with: logout ends it. */
    readonly secretHash: string,
    private readonly messagesPerSecond: number,
    private readonly on: ConnectionEvents,
  ) {
    this.bucket = { tokens: messagesPerSecond, at: Date.now() };
    socket.on('message', (data, isBinary) => this.receive(isBinary ? undefined : textOf(data)));
    socket.on('pong', () => (this.alive = true));
    socket.on('close', () => this.closed());
  }

  get ending() {
    return this.closing;
  }

  send(message: LiveServerMessage) {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  buffered() {
    return this.socket.bufferedAmount;
  }

  /** Pings; a socket that did not answer the previous ping is gone and is closed. */
  heartbeat() {
    if (!this.alive) return this.socket.terminate();
    this.alive = false;
    this.socket.ping();
  }

  /** The session ended (logout, expiry): the socket goes too. */
  signOut() {
    this.send({ type: 'error', code: 'unauthenticated', message: 'Your session ended; sign in again' });
    this.close('signed out');
  }

  private receive(text: string | undefined) {
    if (this.closing) return;
    this.alive = true;
    const { allowed, bucket } = takeToken(this.bucket, Date.now(), this.messagesPerSecond);
    this.bucket = bucket;
    if (!allowed) {
      this.send({
        type: 'error',
        code: 'rate_limited',
        message: `At most ${this.messagesPerSecond} messages a second`,
      });
      return this.close('too many messages');
    }
    const frame = parseClientFrame(text);
    if (!frame.ok) return this.send({ type: 'error', code: 'validation_failed', message: frame.reason });
    this.queue = this.queue.then(() => this.on.received(frame.message));
  }

  private close(reason: string) {
    this.closing = true;
    this.socket.close(POLICY_VIOLATION, reason);
  }

  private closed() {
    this.closing = true;
    this.on.closed();
  }
}
