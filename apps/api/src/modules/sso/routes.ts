import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, oidcCallbackQuery, oidcStartQuery, safeNextPath, ssoResponse } from '@ordo/domain';
import { setSessionCookie } from '../../plugins/session';
import type { App } from '../../types';
import { finishSignIn, oidcProvider, startSignIn, type PendingSignIn } from './provider';
import { signInWithClaims } from './service';

/** The browser's half of a sign-in in progress: httpOnly, this path only, ten minutes. */
const PENDING_COOKIE = 'ordo_oidc';
const PENDING_PATH = '/api/auth/oidc';
const START_URL = `${PENDING_PATH}/start`;

const callbackUrlOf = (request: FastifyRequest) =>
  `${request.protocol}://${request.host}${PENDING_PATH}/callback`;

function readPending(request: FastifyRequest): PendingSignIn | undefined {
  const raw = request.cookies[PENDING_COOKIE];
  if (!raw) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<PendingSignIn>;
    const strings = [value.state, value.nonce, value.verifier, value.next].every(
      (v) => typeof v === 'string',
    );
    return strings ? (value as PendingSignIn) : undefined;
  } catch {
    return undefined;
  }
}

function writePending(request: FastifyRequest, reply: FastifyReply, pending: PendingSignIn) {
  reply.setCookie(PENDING_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
    path: PENDING_PATH,
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET, which carries it.
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: 600,
  });
}

/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce), when OIDC_ISSUER
 * is configured; without it, `GET /api/auth/sso` says so and the other two routes answer 404.
 */
export default async function ssoRoutes(app: App) {
  const settings = app.oidc;
  const configuration = settings ? oidcProvider(settings) : undefined;
  const configured = () => {
    if (!configuration) throw new DomainError('not_found', 'Single sign-on is not configured on this server');
    return configuration();
  };

  app.get(
    '/api/auth/sso',
    {
      config: { public: true },
      schema: { tags: ['auth'], response: { 200: ssoResponse } },
    },
    async () => ({ sso: settings ? { name: settings.name, startUrl: START_URL } : null }),
  );

  app.get(
    START_URL,
    {
      config: { public: true },
      schema: { tags: ['auth'], querystring: oidcStartQuery },
    },
    async (request, reply) => {
      const { url, pending } = await startSignIn(
        await configured(),
        callbackUrlOf(request),
        safeNextPath(request.query.next),
      );
      writePending(request, reply, pending);
      return reply.redirect(url, 302);
    },
  );

  app.get(
    `${PENDING_PATH}/callback`,
    {
      config: { public: true },
      schema: { tags: ['auth'], querystring: oidcCallbackQuery },
    },
    async (request, reply) => {
      const config = await configured();
      const pending = readPending(request);
      reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
      if (!pending)
        throw new DomainError(
          'validation_failed',
          'state: no sign-in was started in this browser (or it took over ten minutes); sign in again',
          { field: 'state' },
        );
      if (request.query.error)
        throw new DomainError(
          'forbidden',
          `The sign-in provider refused: ${request.query.error_description ?? request.query.error}`,
        );
      if (!request.query.code)
        throw new DomainError('validation_failed', 'code: the provider sent no code', { field: 'code' });
      const claims = await finishSignIn(config, new URL(request.url, callbackUrlOf(request)), pending);
      const { token } = await signInWithClaims(app.database.db, claims, request.ip);
      setSessionCookie(request, reply, token);
      return reply.redirect(pending.next, 302);
    },
  );
}
