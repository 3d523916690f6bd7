import { existsSync } from 'node:fs';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { App } from '../types';
import { sendError } from './errors';

/**
 * Serves the web build from the same origin as the API. Files are looked up on each request (so a fresh
 * build is served without a restart); unknown paths outside `/api` get `index.html`, so the client's deep
 * links (`/projects/DEMO/board`) survive a reload. Vite's hashed assets never change, so they are cached
 * for good; `index.html` is always revalidated.
 */
export const web = fp(async (app: App, options: { webDist: string | undefined }) => {
  const root = options.webDist && existsSync(options.webDist) ? options.webDist : undefined;
  if (root) {
    await app.register(fastifyStatic, {
      root,
      setHeaders: (res, path) =>
        void res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (root && request.method === 'GET' && !request.url.startsWith('/api')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
});
