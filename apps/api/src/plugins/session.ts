import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { DomainError } from '@ordo/domain';
import { requestLimit } from '../lib/request-limit';
import { findCaller } from '../modules/auth/queries';
import { hashSecret } from '../lib/secrets';
import { SESSION_DAYS } from '../modules/auth/service';
import { isAllowedOrigin } from '../modules/live/rules';
import type { App } from '../types';

export const SESSION_COOKIE = 'ordo_session';

/** How the caller signed in: a browser session, or a personal access token (for scripts). */
export interface Credential {
  kind: 'session' | 'token';
  secretHash: string;
  /** The token's id, for a personal access token. */
  tokenId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The credential the signed-in caller used; set with `user`. */
    credential: Credential;
  }
}

/**
 * The secret a request carries: `Authorization: Bearer <token>` (a session or a personal access token),
 * else the session cookie (sessions only: a token put in the cookie opens nothing).
 */
export function requestSecret(
  request: FastifyRequest,
): { secret: string; from: 'bearer' | 'cookie' } | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { secret: header.slice('Bearer '.length).trim(), from: 'bearer' };
  const fromCookie = request.cookies[SESSION_COOKIE];
  return fromCookie ? { secret: fromCookie, from: 'cookie' } : undefined;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: SESSION_DAYS * 86_400,
  });
}

export const clearSessionCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

/** Refuses a personal access token where only a person at the browser may act (minting tokens, the password). */
export function requireSession(request: FastifyRequest, what: string) {
  if (request.credential.kind !== 'session') {
    throw new DomainError('forbidden', `A personal access token cannot ${what}; sign in to do it`);
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A browser sends the session cookie with a request another site's page makes; such a request says so in
 * Origin (or Sec-Fetch-Site). State-changing requests riding the cookie from a foreign origin are refused;
 * Bearer requests carry their credential themselves and need no check.
 */
function refuseCrossSiteCookie(app: App, request: FastifyRequest) {
  if (!STATE_CHANGING.has(request.method) || request.headers.authorization) return;
  if (request.cookies[SESSION_COOKIE] === undefined) return;
  const origin = request.headers.origin;
  const foreign =
    origin !== undefined
      ? !isAllowedOrigin(origin, request.host, app.liveOptions.allowedOrigins)
      : request.headers['sec-fetch-site'] === 'cross-site';
  if (foreign) throw new DomainError('forbidden', 'Requests from another site may not use your session');
}

/** Resolves the caller on every API route; only routes marked `config.public` answer strangers. */
export const session = fp(async (app: App) => {
  await app.register(cookie);
  app.decorateRequest('user', null as never);
  app.decorateRequest('credential', null as never);
  const requests = requestLimit(app.limits.userRequests);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    refuseCrossSiteCookie(app, request);
    const carried = requestSecret(request);
    const caller = carried
      ? await findCaller(app.database.db, hashSecret(carried.secret), carried.from === 'bearer')
      : undefined;
    if (caller) {
      request.user = caller.user;
      request.credential = caller.credential;
      await requests.enforce(app.database.db, caller.user.id, 'Too many requests; slow down');
    } else if (!request.routeOptions.config.public) throw new DomainError('unauthenticated', 'Sign in first');
  });
  // API answers are about one user at one moment: no browser or proxy may keep a copy.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
});
