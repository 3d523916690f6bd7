import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { DomainError } from '@ordo/domain';
import { findUserBySecretHash } from '../modules/auth/queries';
import { hashSecret } from '../modules/auth/secrets';
import { SESSION_DAYS } from '../modules/auth/service';
import type { App } from '../types';

export const SESSION_COOKIE = 'ordo_session';

/** The secret a request carries: the session cookie, or `Authorization: Bearer <token>`. */
export function requestSecret(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return request.cookies[SESSION_COOKIE];
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

/** Resolves the caller on every API route; only routes marked `config.public` answer strangers. */
export const session = fp(async (app: App) => {
  await app.register(cookie);
  app.decorateRequest('user', null as never);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const secret = requestSecret(request);
    const user = secret ? await findUserBySecretHash(app.database.db, hashSecret(secret)) : undefined;
    if (user) request.user = user;
    else if (!request.routeOptions.config.public) throw new DomainError('unauthenticated', 'Sign in first');
  });
});
