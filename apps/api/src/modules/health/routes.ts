import { z } from 'zod';
import { UNAVAILABLE_RETRY_AFTER } from '../../lib/database-errors';
import { sendError } from '../../plugins/errors';
import type { App } from '../../types';

export default async function healthRoutes(app: App) {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['service'],
        response: { 200: z.object({ ok: z.literal(true), db: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async (request, reply) => {
      try {
        await app.database.ping();
        return { ok: true as const, db: app.database.kind };
      } catch (err) {
        request.log.warn({ err }, 'database unreachable');
        return sendError(reply, 'unavailable', 'The database is unreachable', {
          retryAfter: UNAVAILABLE_RETRY_AFTER,
        });
      }
    },
  );
}
