import fp from 'fastify-plugin';
import compress from '@fastify/compress';
import type { App } from '../types';

/**
 * JSON responses and the web app's files go out compressed when the client accepts it: br first (the
 * plugin's brotli quality 4 compresses a 3 MB backlog in milliseconds, better than gzip), then gzip.
 * Bodies under 1 KB stay as they are: compressing them costs more than it saves.
 */
export const compression = fp(async (app: App) => {
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
});
