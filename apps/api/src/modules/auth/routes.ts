import { loginBody, meResponse, registerBody, tokenBody, tokenResponse, updateMeBody, userResponse } from '@ordo/domain';
import { clearSessionCookie, requestSecret, setSessionCookie } from '../../plugins/session';
import { listMyProjects } from '../projects/queries';
import type { App } from '../../types';
import { toUser } from './queries';
import { createApiToken, login, logout, register } from './service';
import { updateProfile } from './users';

export default async function authRoutes(app: App) {
  const db = app.database.db;

  app.post('/api/auth/register', {
    config: { public: true },
    schema: { tags: ['auth'], body: registerBody, response: { 201: userResponse } },
  }, async (request, reply) => {
    const { user, token } = await register(db, app.limits, request.body, request.ip);
    setSessionCookie(request, reply, token);
    return reply.code(201).send({ user });
  });

  app.post('/api/auth/login', {
    config: { public: true },
    schema: { tags: ['auth'], body: loginBody, response: { 200: userResponse } },
  }, async (request, reply) => {
    const { user, token } = await login(db, app.limits, request.body, request.ip);
    setSessionCookie(request, reply, token);
    return { user };
  });

  app.post('/api/auth/logout', { config: { public: true }, schema: { tags: ['auth'] } }, async (request, reply) => {
    const secret = requestSecret(request);
    if (secret) await logout(db, secret);
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.get('/api/me', { schema: { tags: ['auth'], response: { 200: meResponse } } }, async (request) => ({
    user: toUser(request.user),
    projects: await listMyProjects(db, request.user.id),
  }));

  app.patch('/api/me', {
    schema: { tags: ['auth'], body: updateMeBody, response: { 200: userResponse } },
  }, async (request) => ({ user: toUser(await updateProfile(db, request.user.id, request.body)) }));

  app.post('/api/me/tokens', {
    schema: { tags: ['auth'], body: tokenBody, response: { 201: tokenResponse } },
  }, async (request, reply) => reply.code(201).send(await createApiToken(db, request.user.id, request.body.name)));
}
