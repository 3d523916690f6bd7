import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
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
  // With single sign-on, index.html names the provider (the login page's "Sign in with …" costs no request).
  const sso = app.oidc ? `<meta name="ordo-sso" content="${escapeAttribute(app.oidc.name)}">` : undefined;
  if (root) {
    await app.register(fastifyStatic, {
      root,
      // The build writes .br and .gz beside each asset (apps/web/vite.config.ts): sent as they are.
      preCompressed: true,
      index: sso ? false : 'index.html',
      setHeaders: (res, path) =>
        void res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  }
  const sendIndex = async (reply: FastifyReply, folder: string) => {
    reply.header('cache-control', 'no-cache');
    if (!sso) return reply.sendFile('index.html');
    const html = await readFile(join(folder, 'index.html'), 'utf8');
    return reply.type('text/html; charset=utf-8').send(html.replace('</head>', `${sso}</head>`));
  };
  // The static files' own `/` would list the folder (403) once they serve no index.
  if (root && sso)
    app.get('/', { schema: { hide: true }, config: { public: true } }, (_request, reply) =>
      sendIndex(reply, root),
    );
  app.setNotFoundHandler(async (request, reply) => {
    if (root && request.method === 'GET' && !request.url.startsWith('/api')) return sendIndex(reply, root);
    return sendError(reply, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
});

const escapeAttribute = (text: string) => text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
