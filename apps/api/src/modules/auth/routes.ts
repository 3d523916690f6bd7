import { z } from 'zod';
import {
  id,
  loginBody,
  meResponse,
  registerBody,
  tokenBody,
  tokenList,
  tokenResponse,
  updateMeBody,
  userResponse,
} from '@ordo/domain';
import { clearSessionCookie, requireSession, setSessionCookie } from '../../plugins/session';
import { audit } from '../../lib/audit';
import { listMyProjects } from '../projects/queries';
import type { App } from '../../types';
import { toUser } from './queries';
import {
  createApiToken,
  endSessions,
  listApiTokens,
  login,
  logout,
  register,
  revokeApiToken,
  type AuthSettings,
} from './service';
import { updateProfile } from './users';

export default async function authRoutes(app: App) {
  const db = app.database.db;
  const settings: AuthSettings = { limits: app.limits, adminEmail: app.adminEmail };

  app.post(
    '/api/auth/register',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: registerBody, response: { 201: userResponse } },
    },
    async (request, reply) => {
      const { user, token } = await register(db, settings, request.body, request.ip);
      setSessionCookie(request, reply, token);
      return reply.code(201).send({ user });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: loginBody, response: { 200: userResponse } },
    },
    async (request, reply) => {
      const { user, token } = await login(db, settings, request.body, request.ip);
      setSessionCookie(request, reply, token);
      return { user };
    },
  );

  /** Ends this session; called with a personal access token, revokes that token. */
  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'] } },
    async (request, reply) => {
      if (request.credential) await logout(db, request.credential);
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.post('/api/auth/logout-everywhere', { schema: { tags: ['auth'] } }, async (request, reply) => {
    await endSessions(db, request.user.id, { tokens: false });
    await audit(db, { kind: 'signed_out_everywhere', actorId: request.user.id, address: request.ip });
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.get('/api/me', { schema: { tags: ['auth'], response: { 200: meResponse } } }, async (request) => ({
    user: toUser(request.user),
    projects: await listMyProjects(db, request.user.id),
  }));

  app.patch(
    '/api/me',
    {
      schema: { tags: ['auth'], body: updateMeBody, response: { 200: userResponse } },
    },
    async (request) => ({ user: toUser(await updateProfile(db, request.user.id, request.body)) }),
  );

  const caller = (request: { user: { id: string }; ip: string }) => ({
    userId: request.user.id,
    address: request.ip,
  });

  app.get(
    '/api/me/tokens',
    { schema: { tags: ['auth'], response: { 200: tokenList } } },
    async (request) => ({
      items: await listApiTokens(db, request.user.id),
    }),
  );

  app.post(
    '/api/me/tokens',
    {
      schema: { tags: ['auth'], body: tokenBody, response: { 201: tokenResponse } },
    },
    async (request, reply) => {
      requireSession(request, 'create tokens');
      return reply.code(201).send(await createApiToken(db, app.limits, caller(request), request.body));
    },
  );

  app.delete(
    '/api/me/tokens/:id',
    { schema: { tags: ['auth'], params: z.object({ id }) } },
    async (request, reply) => {
      await revokeApiToken(db, caller(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
