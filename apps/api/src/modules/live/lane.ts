import type { Db } from '@ordo/db';
import type { LiveServerMessage, ProjectEvent } from '@ordo/domain';
import { readEvents } from '../events/queries';
import { PAGE_SIZE, type FeedReader, type ProjectFeed } from './feed';
import type { LiveOptions } from './options';
import { continuation, revokes, sendVerdict } from './rules';

/** How often a full socket is looked at again to see whether it drained. */
const DRAIN_CHECK_MS = 50;

/** What a subscription needs from its socket. */
export interface LaneSocket {
  send(message: LiveServerMessage): void;
  /** Bytes queued on the socket and not yet sent. */
  buffered(): number;
}

/**
 * One socket's subscription to one project: it replays from the log, then follows the project's feed,
 * sending every event once and in seq order. `sent` is the only cursor, so repeats and gaps cannot pass.
 */
export class Lane implements FeedReader {
  private open = false;
  private closed = false;
  private pumping = false;
  private fullSince: number | undefined;
  private drainCheck: NodeJS.Timeout | undefined;

  constructor(
    readonly project: { id: string; key: string },
    readonly userId: string,
    private sent: number,
    readonly feed: ProjectFeed,
    private readonly deps: {
      db: Db;
      socket: LaneSocket;
      options: LiveOptions;
      /** Ends the subscription with a last message (resync, or an error). */
      end: (last: LiveServerMessage) => void;
      onError: (error: unknown) => void;
    },
  ) {}

  /** Starts sending (the subscription was accepted). Until then the feed's wake-ups are ignored. */
  start() {
    this.open = true;
    this.wake();
  }

  close() {
    this.closed = true;
    clearTimeout(this.drainCheck);
  }

  get isOpen() {
    return this.open && !this.closed;
  }

  wake() {
    if (!this.isOpen || this.pumping) return;
    this.pumping = true;
    void this.pump();
  }

  /**
   * Sends until caught up with the feed. `pumping` is cleared in the same tick as the last check of the
   * head, so a wake-up that arrives after that check always starts a new pump.
   */
  private async pump() {
    try {
      while (this.isOpen && this.sent < this.feed.head) {
        const verdict = this.verdict();
        if (verdict === 'resync') return this.deps.end({ type: 'resync', project: this.project.key });
        if (verdict === 'wait') return this.retryWhenDrained();
        const batch =
          this.feed.eventsAfter(this.sent) ??
          (await readEvents(this.deps.db, this.project.id, this.sent, PAGE_SIZE));
        if (!this.deliver(continuation(this.sent, batch))) return;
      }
    } catch (error) {
      this.deps.onError(error);
    } finally {
      this.pumping = false;
    }
  }

  private verdict() {
    const { socket, options } = this.deps;
    const now = Date.now();
    const verdict = sendVerdict({
      behind: this.feed.latest - this.sent,
      buffered: socket.buffered(),
      fullSince: this.fullSince,
      now,
      limits: options,
    });
    this.fullSince = verdict === 'send' ? undefined : (this.fullSince ?? now);
    return verdict;
  }

  private retryWhenDrained() {
    clearTimeout(this.drainCheck);
    this.drainCheck = setTimeout(() => this.wake(), DRAIN_CHECK_MS);
  }

  /** Sends the events until the socket is full; false when nothing more can be sent now. */
  private deliver(events: ProjectEvent[]): boolean {
    const { socket, options } = this.deps;
    for (const event of events) {
      if (!this.isOpen) return false;
      if (revokes(event, this.userId)) {
        this.deps.end({
          type: 'error',
          code: 'forbidden',
          message: 'You are no longer a member of this project',
          project: this.project.key,
        });
        return false;
      }
      if (socket.buffered() > options.highWaterBytes) return true;
      socket.send({ type: 'event', project: this.project.key, seq: event.seq, event });
      this.sent = event.seq;
    }
    return events.length > 0;
  }
}
