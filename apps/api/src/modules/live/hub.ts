import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Database } from '@ordo/db';
import type { LiveUser } from '@ordo/domain';
import { ACCESS_CHANNEL, notify, PRESENCE_CHANNEL, SESSIONS_CHANNEL } from '../../lib/channels';
import { EVENTS_CHANNEL } from '../events/log';
import { LiveConnection } from './connection';
import { ChannelListener } from './listener';
import type { LiveOptions } from './options';
import { latestSeqs, validSecretHashes } from './queries';
import { Subscriptions } from './subscriptions';
import { NOTIFICATIONS_CHANNEL, readNotice } from '../notifications/service';
import { notificationsByIds } from '../notifications/queries';

/** The NOTIFY payload of a commit: the project and its latest seq, never the events themselves. */
function parseCommitNotice(payload: string): { projectId: string; seq: number } | undefined {
  try {
    const notice = JSON.parse(payload) as { projectId?: unknown; seq?: unknown };
    if (typeof notice.projectId === 'string' && typeof notice.seq === 'number')
      return { projectId: notice.projectId, seq: notice.seq };
  } catch {
    // not ours: ignored
  }
  return undefined;
}

/**
 * Live sync on one API instance: one LISTEN per channel, every socket, and the subscriptions (feeds,
 * readers, presence) in one `Subscriptions`. Instances share nothing but PostgreSQL, so any number of them
 * can sit behind a load balancer.
 */
export class LiveHub {
  private readonly subscriptions: Subscriptions;
  private readonly connections = new Set<LiveConnection>();
  private readonly listeners: ChannelListener[];
  private readonly timers: NodeJS.Timeout[] = [];
  private stopped = false;

  constructor(
    private readonly database: Database,
    readonly options: LiveOptions,
    readonly log: FastifyBaseLogger,
  ) {
    this.subscriptions = new Subscriptions({
      db: database.db,
      options,
      log,
      publish: (notice) => this.publish(PRESENCE_CHANNEL, notice),
    });
    const presence = this.subscriptions.presence;
    this.listeners = [
      new ChannelListener(database, EVENTS_CHANNEL, (payload) => this.committed(payload)),
      new ChannelListener(database, SESSIONS_CHANNEL, (hash) => this.sessionEnded(hash)),
      new ChannelListener(database, ACCESS_CHANNEL, (userId) => void this.subscriptions.recheck(userId)),
      new ChannelListener(database, PRESENCE_CHANNEL, (payload) => presence.receive(payload)),
      new ChannelListener(database, NOTIFICATIONS_CHANNEL, (payload) => void this.notified(payload)),
    ];
  }

  get db() {
    return this.database.db;
  }

  async start() {
    for (const listener of this.listeners) await listener.start();
    this.every(this.options.heartbeatMs, () => this.heartbeat());
    this.every(this.options.pollMs, () => void this.poll());
    this.every(this.options.sessionCheckMs, () => void this.checkSessions());
    // Access changes announce themselves (NOTIFY ordo_access, member.removed in the log); one lost with its
    // connection, or a change that announced nothing, still ends what may no longer be read, this late.
    this.every(this.options.sessionCheckMs, () => void this.subscriptions.recheck());
  }

  async stop() {
    this.subscriptions.presence.bye();
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all(this.listeners.map((listener) => listener.close()));
  }

  connect(socket: WebSocket, user: LiveUser, secretHash: string) {
    let open = 0;
    for (const connection of this.connections) if (connection.user.id === user.id) open++;
    if (open >= this.options.socketsPerUser) {
      socket.send(
        JSON.stringify({
          type: 'error',
          code: 'rate_limited',
          message: `At most ${this.options.socketsPerUser} live connections per person`,
        }),
      );
      return socket.close(1008, 'too many sockets');
    }
    const connection: LiveConnection = new LiveConnection(
      socket,
      { id: user.id, name: user.name },
      secretHash,
      this.options.messagesPerSecond,
      {
        received: (message) => this.subscriptions.handle(connection, message),
        closed: () => {
          this.subscriptions.close(connection);
          this.connections.delete(connection);
        },
      },
    );
    this.subscriptions.open(connection);
    this.connections.add(connection);
  }

  private committed(payload: string) {
    const notice = parseCommitNotice(payload);
    if (notice) this.subscriptions.refresh(notice.projectId, notice.seq);
  }

  /** A NOTIFY lost with its connection must not leave anyone behind: the watched projects' seqs are checked now and then. */
  private async poll() {
    try {
      for (const { id, lastSeq } of await latestSeqs(this.db, this.subscriptions.watchedProjects()))
        this.subscriptions.refresh(id, lastSeq);
    } catch (err) {
      this.log.warn({ err }, 'live: poll failed');
    }
  }

  /** Logout announces itself; an expired session does not, so the sockets' sessions are checked now and then. */
  private async checkSessions() {
    try {
      // Only the sockets asked about are judged: one opened while the query runs was not in it.
      const checked = [...this.connections];
      const valid = await validSecretHashes(this.db, [...new Set(checked.map((c) => c.secretHash))]);
      for (const connection of checked) if (!valid.has(connection.secretHash)) connection.signOut();
    } catch (err) {
      this.log.warn({ err }, 'live: session check failed');
    }
  }

  private heartbeat() {
    for (const connection of this.connections) connection.heartbeat();
    this.subscriptions.presence.beat();
    for (const listener of this.listeners) void this.checkListener(listener);
  }

  /** A listener that had to listen again may have missed commits: catch up from the log at once. */
  private async checkListener(listener: ChannelListener) {
    if (this.stopped) return;
    try {
      const restarted = await listener.check(3 * this.options.heartbeatMs);
      if (restarted) this.log.warn(`live: LISTEN ${listener.channel} was lost and is back`);
      if (restarted && listener.channel === EVENTS_CHANNEL) await this.poll();
    } catch (err) {
      this.log.warn({ err }, `live: LISTEN ${listener.channel} check failed`);
    }
  }

  /** New notifications were committed: those for users with a socket here are read once and sent to each of their sockets. */
  private async notified(payload: string) {
    const users = new Set([...this.connections].map((connection) => connection.user.id));
    const mine = readNotice(payload).filter(([userId]) => users.has(userId));
    if (mine.length === 0) return;
    try {
      for (const { userId, notification } of await notificationsByIds(this.db, mine)) {
        for (const connection of this.connections)
          if (connection.user.id === userId) connection.send({ type: 'notification', notification });
      }
    } catch (err) {
      this.log.error({ err }, 'live: reading notifications failed');
    }
  }

  private sessionEnded(secretHash: string) {
    for (const connection of this.connections) if (connection.secretHash === secretHash) connection.signOut();
  }

  private async publish(channel: string, payload: string) {
    if (this.stopped) return;
    await notify(this.db, channel, payload).catch((err: unknown) =>
      this.log.warn({ err }, `live: NOTIFY ${channel} failed`),
    );
  }

  private every(ms: number, work: () => void) {
    const timer = setInterval(work, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
