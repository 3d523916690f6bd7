import type { Role } from '@ordo/domain';
import type { ProjectRow } from '../types';

/** Who acts: the event log records their id and name with every event. */
export interface Actor {
  id: string;
  name: string;
}

export const actorOf = (user: { id: string; name: string }): Actor => ({ id: user.id, name: user.name });

/**
 * What a write needs: the project whose log it goes through (whose row it locks) and who acts. Every
 * service that writes takes one; a request's `scope` is one.
 */
export interface WriteScope {
  project: { id: string; key: string };
  actor: Actor;
}

/**
 * The scope of a request under `/api/projects/:key`, set once by `plugins/project-access.ts` as
 * `request.scope`: the project, the product it is a team of, the caller and their roles in the project.
 */
export interface ProjectScope extends WriteScope {
  project: ProjectRow;
  productId: string;
  roles: readonly Role[];
}

/**
 * The scope of a request under `/api/products/:product`, set by the same plugin as `request.productScope`:
 * the product, the caller and their roles on it.
 */
export interface ProductScope {
  productId: string;
  actor: Actor;
  roles: readonly Role[];
}

/**
 * What a write to a product needs (its epics, roadmap order, vision, feedback), from a team's route or
 * from the product's own: the product, the team whose log records it (null only for a product without
 * teams: the change has no log to go to) and who acts. A `ProjectScope` is one.
 */
export interface ProductWriteScope {
  productId: string;
  project: { id: string; key: string } | null;
  actor: Actor;
}
