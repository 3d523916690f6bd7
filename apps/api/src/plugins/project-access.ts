import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { can, deniedMessage, DomainError, isRole, notFound, type Action } from '@ordo/domain';
import { findMembership } from '../modules/projects/queries';
import type { App } from '../types';

/** Refuses the caller unless their roles allow `action`, with a message naming the role that may. */
export function assertCan(request: FastifyRequest, action: Action) {
  if (!can(request.roles, action)) throw new DomainError('forbidden', deniedMessage(action), { action });
}

/**
 * Every route under `/api/projects/:key` declares the policy action it needs. Before the body is even
 * validated, the caller's membership is loaded: a non-member learns nothing (404), a member whose roles
 * lack the action gets 403.
 */
export const projectAccess = fp(async (app: App) => {
  app.decorateRequest('project', null as never);
  app.decorateRequest('product', null as never);
  app.decorateRequest('roles', null as never);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/projects/:key') && !route.config?.action) {
      throw new Error(`${[route.method].flat().join(',')} ${route.url} has no policy action`);
    }
  });

  app.addHook('preValidation', async (request) => {
    const action = request.routeOptions.config.action;
    if (!action) return;
    const key = (request.params as { key?: unknown }).key;
    const membership =
      typeof key === 'string' ? await findMembership(app.database.db, key, request.user.id) : undefined;
    if (!membership) throw notFound('Project');
    request.project = membership.project;
    request.product = membership.product;
    request.roles = membership.roles.filter(isRole);
    assertCan(request, action);
  });
});
