import type { FastifyRequest } from 'fastify';
import type { Role } from '@ordo/domain';
import type { ProductRow, ProjectRow } from '../types';

// A request's scope is set once by `plugins/project-access.ts` from the caller's membership: `request.scope`
// under `/api/projects/:key`, `request.productScope` under `/api/products/:product`. There is one write scope
// per level: a project write takes a `WriteScope`, a product write a `ProductWriteScope`, and each request
// scope is one of them as it is (a team's is both: a team's route writes its product too).

/** Who acts: the event log records their id and name with every event. */
export interface Actor {
  id: string;
  name: string;
}

export const actorOf = (user: { id: string; name: string }): Actor => ({ id: user.id, name: user.name });

/**
 * What a project write needs: the project whose log it goes through (whose row it locks) and who acts.
 * Every service that writes a project takes one; a request's `scope` is one.
 */
export interface WriteScope {
  project: { id: string; key: string };
  actor: Actor;
}

/**
 * What a product write needs (its epics, roadmap order, vision, feedback), from a team's route or from the
 * product's own: the product, the team whose log records it (null only for a product without teams: the
 * change has no log to go to) and who acts. Both request scopes are one.
 */
export interface ProductWriteScope {
  productId: string;
  project: { id: string; key: string } | null;
  actor: Actor;
}

/**
 * The scope of a request under `/api/projects/:key` (`request.scope`): the project, the product it is a
 * team of (`productId` is its id), the caller and their roles in the project.
 */
export interface ProjectScope extends WriteScope, ProductWriteScope {
  project: ProjectRow;
  product: ProductRow;
  roles: readonly Role[];
}

/**
 * The scope of a request under `/api/products/:product` (`request.productScope`): the product, the team
 * whose log records the product's writes through this route (the caller's first team of it, else its first
 * team: `teamOfWrite`), the caller and their roles on the product.
 */
export interface ProductScope extends ProductWriteScope {
  product: ProductRow;
  roles: readonly Role[];
}

/** The product a read serves, on a team's route (`/api/projects/:key/…`) and on the product's own. */
export const teamsProduct = (request: FastifyRequest) => request.scope.productId;
export const ownProduct = (request: FastifyRequest) => request.productScope.productId;
