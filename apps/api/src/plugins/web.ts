import { existsSync } from 'node:fs';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { App } from '../types';
import { sendError } from './errors';

/**
 * Serves the web build from the same origin as the API. Unknown paths outside `/api` get `index.html`,
 * so the client's deep links (`/projects/SHOP/board`) survive a reload.
 */
export const web = fp(async (app: App, options: { webDist: string | undefined }) => {
  const root = options.webDist && existsSync(options.webDist) ? options.webDist : undefined;
  if (root) await app.register(fastifyStatic, { root, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (root && request.method === 'GET' && !request.url.startsWith('/api')) return reply.sendFile('index.html');
    return sendError(reply, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
});
