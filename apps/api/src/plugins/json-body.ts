import fp from 'fastify-plugin';
import { DomainError, invalid } from '@ordo/domain';
import type { App } from '../types';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 control characters and DEL, except tab, line feed and carriage return (text keeps its lines). */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** JSON.parse keeps `__proto__` as a plain key; refusing it here means no later merge can be poisoned. */
function refuseProtoKeys(key: string, value: unknown) {
  if (FORBIDDEN_KEYS.has(key)) throw invalid(`body.${key}`, 'this key is not allowed');
  return value;
}

/**
 * Control characters are refused in every string of a body, naming the field: invisible, unprintable (NUL
 * cannot even be stored), and only ever there by accident or to confuse a reader of a title.
 */
function refuseControlCharacters(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (CONTROL_CHARACTER.test(value)) throw invalid(path, 'must not contain control characters');
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) refuseControlCharacters(item, `${path}.${key}`);
  }
}

/** Bodies are read as UTF-8: a body declared in another charset would be read wrong, so it is refused. */
function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
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
      const parsed: unknown = JSON.parse(text, refuseProtoKeys);
      refuseControlCharacters(parsed, 'body');
      done(null, parsed);
    } catch (error) {
      done(
        error instanceof DomainError
          ? error
          : invalid('body', `the JSON body is malformed (${(error as Error).message})`),
      );
    }
  });

  app.addHook('onRequest', async (request) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || request.routeOptions.config.rawBody) return;
    const type = request.headers['content-type'];
    if (type !== undefined && !/^application\/json\b/i.test(type)) {
      throw new DomainError('validation_failed', 'Send the body as application/json', {
        issues: [{ path: 'content-type', message: 'must be application/json' }],
      });
    }
    const charset = type !== undefined && /^application\/json\b/i.test(type) ? charsetOf(type) : undefined;
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      throw new DomainError('validation_failed', 'Send the body as UTF-8', {
        issues: [{ path: 'content-type', message: `charset must be utf-8, not ${charset}` }],
      });
    }
  });
});
