import type { RawData, WebSocket } from 'ws';
import { can, type LiveClientMessage, type LiveServerMessage, type LiveUser } from '@ordo/domain';
import { lastSeqOf } from '../events/queries';
import { findMembership } from '../projects/queries';
import { parseClientFrame } from './frames';
import type { LiveHub } from './hub';
import { Lane, type LaneSocket } from './lane';
import { needsResync, takeToken, type Bucket } from './rules';

/** Close code for a socket the server ends on purpose (too many messages, signed out). */
const POLICY_VIOLATION = 1008;

function textOf(data: RawData) {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}

/**
 * One live socket of one signed-in user: reads the client's messages one at a time (so a subscribe and
 * the unsubscribe after it never race) and holds a lane per subscribed project.
 */
export class LiveConnection implements LaneSocket {
  private readonly lanes = new Map<string, Lane>();
  private bucket: Bucket;
  private queue = Promise.resolve();
  private alive = true;
  private ending = false;
  /** Events replayed to this socket in the current minute, over all its subscribes. */
  private replay = { events: 0, since: Date.now() };

  constructor(
    private readonly socket: WebSocket,
    readonly user: LiveUser,
    /** The hash of the session secret the socket was opened with: logout ends it. */
    readonly secretHash: string,
    private readonly hub: LiveHub,
  ) {
    this.bucket = { tokens: hub.options.messagesPerSecond, at: Date.now() };
    socket.on('message', (data, isBinary) => this.receive(isBinary ? undefined : textOf(data)));
    socket.on('pong', () => (this.alive = true));
    socket.on('close', () => this.closed());
  }

  send(message: LiveServerMessage) {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  buffered() {
    return this.socket.bufferedAmount;
  }

  end(lane: Lane, last: LiveServerMessage) {
    this.send(last);
    this.drop(lane);
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

  /** Tells every subscriber of the project on this socket who is watching it now. */
  showPresence(projectId: string, users: LiveUser[]) {
    for (const lane of this.lanes.values()) {
      if (lane.project.id === projectId && lane.isOpen)
        this.send({ type: 'presence', project: lane.project.key, users });
    }
  }

  private receive(text: string | undefined) {
    if (this.ending) return;
    this.alive = true;
    const { allowed, bucket } = takeToken(this.bucket, Date.now(), this.hub.options.messagesPerSecond);
    this.bucket = bucket;
    if (!allowed) {
      this.send({
        type: 'error',
        code: 'rate_limited',
        message: `At most ${this.hub.options.messagesPerSecond} messages a second`,
      });
      return this.close('too many messages');
    }
    const frame = parseClientFrame(text);
    if (!frame.ok) return this.send({ type: 'error', code: 'validation_failed', message: frame.reason });
    this.queue = this.queue.then(() => this.handle(frame.message));
  }

  private async handle(message: LiveClientMessage) {
    try {
      if (message.type === 'subscribe') await this.subscribe(message.project, message.since);
      else this.unsubscribe(message.project);
    } catch (error) {
      this.hub.log.error({ err: error }, 'live: subscribe failed');
      this.unsubscribe(message.project);
      this.send({
        type: 'error',
        code: 'unavailable',
        message: 'Try again shortly',
        project: message.project,
      });
    }
  }

  private async subscribe(key: string, sinceSeen: number | undefined) {
    const membership = await findMembership(this.hub.db, key, this.user.id);
    // A project one may not read and a project that does not exist answer alike: nothing leaks.
    if (!membership || !can(membership.roles, 'project.read')) {
      return this.send({ type: 'error', code: 'not_found', message: 'No such project', project: key });
    }
    // The socket may have closed meanwhile; a lane added now would never be dropped.
    if (this.ending) return;
    const projectId = membership.project.id;
    const since = sinceSeen ?? (await lastSeqOf(this.hub.db, projectId));
    const feed = this.hub.feedFor(projectId);
    const lane = new Lane({ id: projectId, key }, this.user.id, since, feed, this.hub.laneDeps(this));
    // Registered before the project's seq is read, so no event committed from here on can be missed.
    this.replace(key, lane);
    const lastSeq = await lastSeqOf(this.hub.db, projectId);
    if (needsResync(since, lastSeq, this.hub.options.maxBehind) || !this.mayReplay(lastSeq - since)) {
      return this.end(lane, { type: 'resync', project: key });
    }
    await feed.refresh(lastSeq);
    if (this.lanes.get(key) !== lane) return;
    this.hub.presence.join(projectId, this, this.user);
    this.send({ type: 'presence', project: key, users: this.hub.presence.usersOf(projectId) });
    lane.start();
  }

  /**
   * Subscribing again and again from an old seq would make the server read and send the same events over and
   * over: past a budget per minute, the client is told to resync (read the project over HTTP) instead.
   */
  private mayReplay(events: number) {
    const now = Date.now();
    if (now - this.replay.since >= 60_000) this.replay = { events: 0, since: now };
    if (this.replay.events + events > this.hub.options.replayPerMinute) return false;
    this.replay.events += Math.max(0, events);
    return true;
  }

  private unsubscribe(key: string) {
    const lane = this.lanes.get(key);
    if (lane) this.drop(lane);
  }

  private replace(key: string, lane: Lane) {
    const earlier = this.lanes.get(key);
    if (earlier) this.hub.stopReading(earlier);
    this.lanes.set(key, lane);
    lane.feed.readers.add(lane);
  }

  private drop(lane: Lane) {
    this.hub.stopReading(lane);
    if (this.lanes.get(lane.project.key) !== lane) return;
    this.lanes.delete(lane.project.key);
    this.hub.presence.leave(lane.project.id, this);
  }

  private close(reason: string) {
    this.ending = true;
    this.socket.close(POLICY_VIOLATION, reason);
  }

  private closed() {
    this.ending = true;
    for (const lane of [...this.lanes.values()]) this.drop(lane);
    this.hub.forget(this);
  }
}
