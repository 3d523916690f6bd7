import type { FastifyInstance } from 'fastify';

/** The WebSocket close code for "the server is restarting": the client reconnects (RFC 6455 registry). */
export const SERVICE_RESTART = 1012;

/**
 * `@fastify/websocket`'s preClose on shutdown: every live socket is closed with 1012, so clients come back
 * (through the load balancer, to an instance that is up) and resume from their last seq. The HTTP server
 * then stops taking connections and waits for the requests in flight; `close-with-grace` bounds the wait.
 */
export function closeLiveSockets(this: FastifyInstance, done: () => void) {
  const server = this.websocketServer;
  for (const client of server.clients) client.close(SERVICE_RESTART, 'server restarting');
  server.close(() => done());
}
