import fp from 'fastify-plugin';
import { pruneAudit } from '../lib/audit';
import { pruneRateLimits } from '../lib/rate-limit';
import type { App } from '../types';

const HOUR_MS = 60 * 60 * 1000;

/** Hourly, on every instance: audit entries past 90 days and rate-limit counters idle for a day go. */
export const housekeeping = fp(async (app: App) => {
  const tidy = async () => {
    try {
      await pruneAudit(app.database.db);
      await pruneRateLimits(app.database.db);
    } catch (err) {
      app.log.warn({ err }, 'housekeeping failed; trying again in an hour');
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    void tidy();
    timer = setInterval(() => void tidy(), HOUR_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
});
