import fp from 'fastify-plugin';
import { DomainError, invalid } from '@ordo/domain';
import type { App } from '../types';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse keeps `__proto__` as a plain key; refusing it here means no later merge can be poisoned. */
function refuseProtoKeys(key: string, value: unknown) {
  if (FORBIDDEN_KEYS.has(key)) throw invalid(`body.${key}`, 'this key is not allowed');
  return value;
}

/**
 * Bodies are JSON and nothing else: a state-changing request with another content type is refused
 * before it is read, so a cross-site HTML form cannot post to the API; malformed JSON and prototype
 * keys are refused as bad input naming the body.
 */
export const jsonBody = fp(async (app: App) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text, refuseProtoKeys));
    } catch (error) {
      done(error instanceof DomainError ? error : invalid('body', `the JSON body is malformed (${(error as Error).message})`));
    }
  });

  app.addHook('onRequest', async (request) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    const type = request.headers['content-type'];
    if (type !== undefined && !/^application\/json\b/i.test(type)) {
      throw new DomainError('validation_failed', 'Send the body as application/json', {
        issues: [{ path: 'content-type', message: 'must be application/json' }],
      });
    }
  });
});
