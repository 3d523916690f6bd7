import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ordo/domain';
import type { App } from '../../types';
import { LiveHub } from './hub';
import { isAllowedOrigin } from './rules';

/**
 * `GET /api/live`: the WebSocket of live sync (see docs/live-sync.md). The session hook has already
 * refused a stranger (401) before the upgrade; a page from a foreign origin is refused here (403), which
 * is what stops another site from riding the session cookie.
 */
export default async function liveRoutes(app: App) {
  const hub = new LiveHub(app.database, app.liveOptions, app.log);
  app.addHook('onReady', () => hub.start());
  app.addHook('onClose', () => hub.stop());

  const refuseForeignOrigin = async (request: FastifyRequest) => {
    if (!isAllowedOrigin(request.headers.origin, request.host, app.liveOptions.allowedOrigins)) {
      throw new DomainError('forbidden', 'Pages from this origin may not open the live connection');
    }
  };

  // A refused upgrade is answered over the raw socket, which nothing else ends: the session hook runs before
  // @fastify/websocket's own hook has marked the request, so its clean-up skips it and the server's close waits.
  const endRefusedUpgrade = async (request: FastifyRequest) => {
    if (request.headers.upgrade) request.raw.socket.destroy();
  };

  app.get(
    '/api/live',
    {
      websocket: true,
      onRequest: refuseForeignOrigin,
      onResponse: endRefusedUpgrade,
      schema: { tags: ['events'] },
    },
    (socket, request) => {
      hub.connect(socket, request.user, request.credential.secretHash);
    },
  );
}
