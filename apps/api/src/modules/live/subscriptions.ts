import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '@ordo/db';
import { can, type LiveClientMessage, type LiveServerMessage, type LiveUser } from '@ordo/domain';
import { lastSeqOf } from '../events/queries';
import { findMembership, readableProjects } from '../projects/queries';
import { ProjectFeed } from './feed';
import { Lane, type LaneSocket } from './lane';
import type { LiveOptions } from './options';
import { Presence } from './presence';
import { needsResync } from './rules';

/** A socket as the subscriptions see it: where to send, how full it is, whose it is, whether it is ending. */
export interface Subscriber extends LaneSocket {
  readonly user: LiveUser;
  /** The socket is closing: nothing new may be registered for it. */
  readonly ending: boolean;
}

/** One socket's subscriptions: a lane per project key, and what it was replayed in the current minute. */
interface SocketState {
  lanes: Map<string, Lane>;
  replay: { events: number; since: number };
}

export interface SubscriptionsDeps {
  db: Db;
  options: LiveOptions;
  log: FastifyBaseLogger;
  /** Sends a presence notice to the other instances. */
  publish(notice: string): Promise<void>;
}

/**
 * Every subscription on this instance, owned in one place: the feed of each watched project and its
 * readers (a lane per socket and project), who is watching (presence), and each socket's replay budget.
 * The sockets only carry messages: they hand their client's subscribes here and are told what to send.
 */
export class Subscriptions {
  readonly presence: Presence;
  private readonly feeds = new Map<string, ProjectFeed>();
  private readonly sockets = new Map<Subscriber, SocketState>();

  constructor(private readonly deps: SubscriptionsDeps) {
    this.presence = new Presence({
      publish: (notice) => deps.publish(notice),
      changed: (projectId, users) => this.showPresence(projectId, users),
      heartbeatMs: deps.options.heartbeatMs,
    });
  }

  /** The projects watched here, for the safety poll. */
  watchedProjects() {
    return [...this.feeds.keys()];
  }

  /** The log of the project reaches `seq`: its feed (if anyone here watches it) reads and wakes its readers. */
  refresh(projectId: string, seq: number) {
    this.feeds
      .get(projectId)
      ?.refresh(seq)
      .catch((err: unknown) => this.deps.log.error({ err }, 'live: reading the log failed'));
  }

  /** A socket opened: its replay budget starts now. */
  open(socket: Subscriber) {
    this.sockets.set(socket, { lanes: new Map(), replay: { events: 0, since: Date.now() } });
  }

  /** A socket closed: every subscription of it ends. */
  close(socket: Subscriber) {
    const state = this.sockets.get(socket);
    if (!state) return;
    for (const lane of [...state.lanes.values()]) this.drop(socket, state, lane);
    this.sockets.delete(socket);
  }

  /**
   * Access may have shrunk: each subscription of this person (or, without one, of everyone here) to a
   * project they may no longer read ends with `forbidden`. One read for all of them, whatever the number
   * of sockets and lanes.
   */
  async recheck(userId?: string) {
    const lanes = [...this.sockets].flatMap(([socket, state]) =>
      userId === undefined || socket.user.id === userId
        ? [...state.lanes.values()].map((lane) => ({ socket, state, lane }))
        : [],
    );
    if (lanes.length === 0) return;
    let readable: (userId: string, projectId: string) => boolean;
    try {
      readable = await readableProjects(
        this.deps.db,
        lanes.map(({ socket, lane }) => ({ userId: socket.user.id, projectId: lane.project.id })),
      );
    } catch (err) {
      return this.deps.log.error({ err }, 'live: access check failed');
    }
    for (const { socket, state, lane } of lanes) {
      // A lane replaced or dropped while the read ran is none of this check's business.
      if (state.lanes.get(lane.project.key) !== lane || readable(socket.user.id, lane.project.id)) continue;
      this.end(socket, lane, {
        type: 'error',
        code: 'forbidden',
        message: 'You are no longer a member of this project',
        project: lane.project.key,
      });
    }
  }

  /** A client message, handled one at a time per socket (the socket queues them). */
  async handle(socket: Subscriber, message: LiveClientMessage) {
    try {
      if (message.type === 'subscribe') await this.subscribe(socket, message.project, message.since);
      else this.unsubscribe(socket, message.project);
    } catch (error) {
      this.deps.log.error({ err: error }, 'live: subscribe failed');
      this.unsubscribe(socket, message.project);
      socket.send({
        type: 'error',
        code: 'unavailable',
        message: 'Try again shortly',
        project: message.project,
      });
    }
  }

  private async subscribe(socket: Subscriber, key: string, sinceSeen: number | undefined) {
    const { db, options } = this.deps;
    const membership = await findMembership(db, key, socket.user.id);
    // A project one may not read and a project that does not exist answer alike: nothing leaks.
    if (!membership || !can(membership.roles, 'project.read')) {
      return socket.send({ type: 'error', code: 'not_found', message: 'No such project', project: key });
    }
    const projectId = membership.project.id;
    const since = sinceSeen ?? (await lastSeqOf(db, projectId));
    // The socket may have closed meanwhile; a lane added now would never be dropped.
    const state = this.sockets.get(socket);
    if (!state || socket.ending) return;
    const feed = this.feedFor(projectId);
    const lane = new Lane({ id: projectId, key }, socket.user.id, since, feed, {
      db,
      socket,
      options,
      end: (last) => this.end(socket, lane, last),
      onError: (err: unknown) => this.deps.log.error({ err }, 'live: send failed'),
    });
    // Registered before the project's seq is read, so no event committed from here on can be missed.
    this.replace(state, key, lane);
    const lastSeq = await lastSeqOf(db, projectId);
    if (needsResync(since, lastSeq, options.maxBehind) || !this.mayReplay(state, lastSeq - since)) {
      return this.end(socket, lane, { type: 'resync', project: key });
    }
    await feed.refresh(lastSeq);
    if (state.lanes.get(key) !== lane) return;
    this.presence.join(projectId, socket, socket.user);
    socket.send({ type: 'presence', project: key, users: this.presence.usersOf(projectId) });
    lane.start();
  }

  /**
   * Subscribing again and again from an old seq would make the server read and send the same events over and
   * over: past a budget per minute, the client is told to resync (read the project over HTTP) instead.
   */
  private mayReplay(state: SocketState, events: number) {
    const now = Date.now();
    if (now - state.replay.since >= 60_000) state.replay = { events: 0, since: now };
    if (state.replay.events + events > this.deps.options.replayPerMinute) return false;
    state.replay.events += Math.max(0, events);
    return true;
  }

  private unsubscribe(socket: Subscriber, key: string) {
    const state = this.sockets.get(socket);
    const lane = state?.lanes.get(key);
    if (state && lane) this.drop(socket, state, lane);
  }

  /** Ends a subscription with a last message (resync, or an error). */
  private end(socket: Subscriber, lane: Lane, last: LiveServerMessage) {
    socket.send(last);
    const state = this.sockets.get(socket);
    if (state) this.drop(socket, state, lane);
    else this.stopReading(lane);
  }

  private feedFor(projectId: string) {
    let feed = this.feeds.get(projectId);
    if (!feed) this.feeds.set(projectId, (feed = new ProjectFeed(projectId, this.deps.db)));
    return feed;
  }

  private replace(state: SocketState, key: string, lane: Lane) {
    const earlier = state.lanes.get(key);
    if (earlier) this.stopReading(earlier);
    state.lanes.set(key, lane);
    lane.feed.readers.add(lane);
  }

  private drop(socket: Subscriber, state: SocketState, lane: Lane) {
    this.stopReading(lane);
    if (state.lanes.get(lane.project.key) !== lane) return;
    state.lanes.delete(lane.project.key);
    this.presence.leave(lane.project.id, socket);
  }

  /** Takes a lane off its feed; a feed nobody reads any more is dropped. */
  private stopReading(lane: Lane) {
    lane.close();
    lane.feed.readers.delete(lane);
    if (lane.feed.readers.size === 0 && this.feeds.get(lane.feed.projectId) === lane.feed)
      this.feeds.delete(lane.feed.projectId);
  }

  /** Tells every subscriber of the project who is watching it now. */
  private showPresence(projectId: string, users: LiveUser[]) {
    for (const [socket, { lanes }] of this.sockets) {
      for (const lane of lanes.values()) {
        if (lane.project.id === projectId && lane.isOpen)
          socket.send({ type: 'presence', project: lane.project.key, users });
      }
    }
  }
}
