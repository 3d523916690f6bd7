import type { Db } from '@ordo/db';
import type { ProjectEvent } from '@ordo/domain';
import { readEvents } from '../events/queries';
import { continuation } from './rules';

export const PAGE_SIZE = 500;
/** Recent events kept per watched project, so subscribers that are up to date never read the log. */
const RECENT_EVENTS = 512;

/** What a feed wakes when it learns of new events. */
export interface FeedReader {
  wake(): void;
}

/**
 * One watched project on this instance: on each NOTIFY the new events are read from the log once, kept
 * in a short buffer, and every subscriber on this instance is woken to take them from there.
 */
export class ProjectFeed {
  readonly readers = new Set<FeedReader>();
  /** The last seq known to be in the log: from a subscriber's read of the project or a notice, then advanced by reads. */
  private known: number | undefined;
  private wanted = 0;
  private recent: ProjectEvent[] = [];
  private busy = false;
  private done: Promise<void> = Promise.resolve();

  constructor(
    readonly projectId: string,
    private readonly db: Db,
  ) {}

  get head() {
    return this.known ?? 0;
  }

  /** The latest seq this instance has heard of, read or not yet: how far behind a subscriber really is. */
  get latest() {
    return Math.max(this.head, this.wanted);
  }

  /** Learns that the log reaches `seq`, and reads up to there (one read at a time per project). */
  refresh(seq: number): Promise<void> {
    this.wanted = Math.max(this.wanted, seq);
    if (this.known === undefined) this.known = seq;
    if (!this.busy && this.known < this.wanted) {
      this.busy = true;
      this.done = this.catchUp();
    }
    return this.done;
  }

  /** The buffered events after `sent`, or undefined when the buffer no longer reaches back that far. */
  eventsAfter(sent: number): ProjectEvent[] | undefined {
    if (sent >= this.head) return [];
    const first = this.recent[0];
    if (!first || first.seq > sent + 1) return undefined;
    return this.recent.slice(sent + 1 - first.seq);
  }

  private async catchUp() {
    try {
      while (this.head < this.wanted) {
        const events = continuation(
          this.head,
          await readEvents(this.db, this.projectId, this.head, PAGE_SIZE),
        );
        if (events.length === 0) break;
        this.remember(events);
        for (const reader of this.readers) reader.wake();
      }
    } finally {
      this.busy = false;
    }
  }

  private remember(events: ProjectEvent[]) {
    this.recent.push(...events);
    if (this.recent.length > RECENT_EVENTS) this.recent.splice(0, this.recent.length - RECENT_EVENTS);
    this.known = events[events.length - 1]!.seq;
  }
}
