import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { adminUserList, adminUserResponse, auditList, auditQuery, DomainError, id } from '@ordo/domain';
import type { App } from '../../types';
import { listUsers, readAudit, setActive } from './service';

/** Instance administration (docs/security.md): only the instance admin; everyone else gets 403. */
export default async function adminRoutes(app: App) {
  const db = app.database.db;
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.url.startsWith('/api/admin/') && request.user && !request.user.isAdmin) {
      throw new DomainError('forbidden', 'Only the instance admin can do this');
    }
  });
  const byAdmin = (request: FastifyRequest) => ({ userId: request.user.id, address: request.ip });
  const params = z.object({ id });

  app.get(
    '/api/admin/users',
    { schema: { tags: ['admin'], response: { 200: adminUserList } } },
    async () => ({
      items: await listUsers(db),
    }),
  );

  app.post(
    '/api/admin/users/:id/deactivate',
    {
      schema: { tags: ['admin'], params, response: { 200: adminUserResponse } },
    },
    async (request) => ({ user: await setActive(db, byAdmin(request), request.params.id, false) }),
  );

  app.post(
    '/api/admin/users/:id/reactivate',
    {
      schema: { tags: ['admin'], params, response: { 200: adminUserResponse } },
    },
    async (request) => ({ user: await setActive(db, byAdmin(request), request.params.id, true) }),
  );

  app.get(
    '/api/admin/audit',
    {
      schema: { tags: ['admin'], querystring: auditQuery, response: { 200: auditList } },
    },
    async (request) => readAudit(db, request.query),
  );
}
