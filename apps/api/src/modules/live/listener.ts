import { randomUUID } from 'node:crypto';
import type { Database } from '@ordo/db';
import { notify } from '../../lib/channels';

/**
 * A LISTEN that heals itself. The database's listen connection can die silently (a PostgreSQL restart, a
 * proxy's idle timeout) and nothing would say so: this instance would stop hearing commits, logouts and
 * presence. So each check sends a probe through the channel, and a channel whose probes stopped coming
 * back is listened to again on a new connection.
 */
export class ChannelListener {
  private stop: (() => Promise<void>) | undefined;
  private heardAt = Date.now();
  /** Unique to this listener; every other receiver of the channel ignores it as not one of its payloads. */
  private readonly probe = JSON.stringify({ probe: randomUUID() });

  constructor(
    private readonly database: Database,
    readonly channel: string,
    private readonly onPayload: (payload: string) => void,
  ) {}

  async start() {
    this.stop = await this.database.listen(this.channel, (payload) => {
      if (payload === this.probe) this.heardAt = Date.now();
      else this.onPayload(payload);
    });
    this.heardAt = Date.now();
  }

  /** Listens again if no probe came back for `silentMs`; true when it did. Then sends the next probe. */
  async check(silentMs: number): Promise<boolean> {
    const silent = Date.now() - this.heardAt > silentMs;
    if (silent) {
      await this.close();
      await this.start();
    }
    await notify(this.database.db, this.channel, this.probe);
    return silent;
  }

  async close() {
    await this.stop?.();
    this.stop = undefined;
  }
}
