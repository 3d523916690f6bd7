import fp from 'fastify-plugin';
import {
  can,
  deniedMessage,
  DomainError,
  notFound,
  productParams,
  type Action,
  type Role,
} from '@ordo/domain';
import { findProductMembership } from '../lib/product-membership';
import { findMembership } from '../modules/projects/queries';
import { actorOf } from '../lib/scope';
import type { App } from '../types';

/** Refuses the caller unless their roles allow `action`, with a message naming the role that may. */
export function assertCan(roles: readonly Role[], action: Action) {
  if (!can(roles, action)) throw new DomainError('forbidden', deniedMessage(action), { action });
}

const isProductRoute = (url: string | undefined) => url?.startsWith('/api/products/:product') ?? false;

/**
 * Every route under `/api/products/:product` declares its action too, checked against the caller's roles
 * on the product (product roles, and the team roles they hold in any of its teams except admin). Someone
 * with no part in the product learns nothing of it (404).
 */
export const productAccess = fp(async (app: App) => {
  app.addHook('preValidation', async (request) => {
    const action = request.routeOptions.config.action;
    if (!action || !isProductRoute(request.routeOptions.url)) return;
    const params = productParams.safeParse(request.params);
    // A malformed key is bad input, refused by the route's own validation (400 naming `product`).
    if (!params.success) return;
    const membership = await findProductMembership(app.database.db, params.data.product, request.user.id);
    if (!membership) throw notFound('Product');
    request.productScope = {
      productId: membership.product.id,
      product: membership.product,
      project: membership.teamOfWrite,
      actor: actorOf(request.user),
      roles: membership.roles,
    };
    assertCan(membership.roles, action);
  });
});

/**
 * Every route under `/api/projects/:key` declares the policy action it needs. Before the body is even
 * validated, the caller's membership is loaded: a non-member learns nothing (404), a member whose roles
 * lack the action gets 403.
 */
export const projectAccess = fp(async (app: App) => {
  // Built once here from the membership; routes read it and hand it to the services that write.
  app.decorateRequest('scope', null as never);
  app.decorateRequest('productScope', null as never);

  app.addHook('onRoute', (route) => {
    const scoped = route.url.startsWith('/api/projects/:key') || isProductRoute(route.url);
    if (scoped && !route.config?.action)
      throw new Error(`${[route.method].flat().join(',')} ${route.url} has no policy action`);
  });

  app.addHook('preValidation', async (request) => {
    const action = request.routeOptions.config.action;
    if (!action || isProductRoute(request.routeOptions.url)) return;
    const key = (request.params as { key?: unknown }).key;
    const membership =
      typeof key === 'string' ? await findMembership(app.database.db, key, request.user.id) : undefined;
    if (!membership) throw notFound('Project');
    request.scope = {
      project: membership.project,
      productId: membership.product.id,
      product: membership.product,
      actor: actorOf(request.user),
      roles: membership.roles,
    };
    assertCan(membership.roles, action);
  });
});
