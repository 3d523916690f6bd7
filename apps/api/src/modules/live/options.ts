/** The knobs of live sync. The defaults are the contract's; tests shrink the timings. */
export interface LiveOptions {
  /** Origins, besides the server's own host, whose pages may open the socket (`ALLOWED_ORIGINS`). */
  allowedOrigins: string[];
  /** A subscriber further behind than this is told to resync instead of being replayed. */
  maxBehind: number;
  /** How often every socket is pinged; one that has not answered the previous ping is closed. */
  heartbeatMs: number;
  /** How often the seq of watched projects is checked, in case a NOTIFY was lost with its connection. */
  pollMs: number;
  /** Bytes queued on a socket above which it is considered full and sending pauses. */
  highWaterBytes: number;
  /** A socket that stays full this long is told to resync. */
  slowMs: number;
  /** Client messages allowed per second per socket. */
  messagesPerSecond: number;
  /**
   * How often open sockets' sessions are checked, so that one that expired (not only logged out) ends; and
   * their subscriptions' access, so that one whose announcement was lost ends too.
   */
  sessionCheckMs: number;
  /** Open sockets one user may hold on one instance (a person with 20 tabs, and some to spare). */
  socketsPerUser: number;
  /** Events one socket may be replayed per minute over all its subscribes; past that, a subscribe gets resync. */
  replayPerMinute: number;
}

export const DEFAULT_LIVE_OPTIONS: LiveOptions = {
  allowedOrigins: [],
  maxBehind: 1000,
  heartbeatMs: 30_000,
  pollMs: 5_000,
  highWaterBytes: 1024 * 1024,
  slowMs: 5_000,
  messagesPerSecond: 20,
  sessionCheckMs: 60_000,
  socketsPerUser: 30,
  replayPerMinute: 5_000,
};

export const liveOptions = (overrides: Partial<LiveOptions> = {}): LiveOptions => ({
  ...DEFAULT_LIVE_OPTIONS,
  ...overrides,
});

declare module 'fastify' {
  interface FastifyInstance {
    liveOptions: LiveOptions;
  }
}
