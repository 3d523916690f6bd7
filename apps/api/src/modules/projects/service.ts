import { eq } from 'drizzle-orm';
import { members, productMembers, products, projects, statuses, type Db, type Tx } from '@ordo/db';
import {
  can,
  conflict,
  DEFAULT_WORKFLOW,
  deniedMessage,
  DomainError,
  invalid,
  PROJECT_CREATOR_ROLES,
} from '@ordo/domain';
import { findProductMembership } from '../../lib/product-membership';
import type { Actor, ProjectScope } from '../../lib/scope';
import { logNewProject, writeInProject } from '../events/log';
import { toProject } from './queries';

/** A product of its own for a project created without one: same key and name, the creator its admin. */
async function createOwnProduct(tx: Tx, actor: Actor, input: { key: string; name: string }) {
  const [row] = await tx
    .insert(products)
    .values({ key: input.key, name: input.name })
    .onConflictDoNothing({ target: products.key })
    .returning();
  if (!row) throw conflict(`A product with key ${input.key} exists already`, { field: 'key' });
  await tx.insert(productMembers).values({ productId: row.id, userId: actor.id, roles: ['admin'] });
  return row;
}

/** The product a new team joins: the caller must be its admin. */
async function productToJoin(tx: Tx, actor: Actor, key: string) {
  const found = await findProductMembership(tx, key, actor.id);
  if (!found) throw invalid('product', 'is not a product you are a member of');
  if (!can(found.roles, 'product.manage'))
    throw new DomainError('forbidden', deniedMessage('product.manage'), { action: 'product.manage' });
  return found.product;
}

export async function createProject(
  db: Db,
  actor: Actor,
  input: { key: string; name: string; description?: string | undefined; product?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.key, input.key));
    if (taken) throw conflict(`A project with key ${input.key} exists already`, { field: 'key' });
    const product = input.product
      ? await productToJoin(tx, actor, input.product)
      : await createOwnProduct(tx, actor, input);
    const [row] = await tx
      .insert(projects)
      .values({
        key: input.key,
        name: input.name,
        description: input.description ?? '',
        productId: product.id,
      })
      .onConflictDoNothing({ target: projects.key })
      .returning();
    if (!row) throw conflict(`A project with key ${input.key} exists already`, { field: 'key' });
    await tx
      .insert(members)
      .values({ projectId: row.id, userId: actor.id, roles: [...PROJECT_CREATOR_ROLES] });
    await tx
      .insert(statuses)
      .values(DEFAULT_WORKFLOW.map((s, position) => ({ ...s, projectId: row.id, position })));
    const project = toProject(row, product);
    await logNewProject(tx, row.id, actor, (log) => log.append('project.created', { project }));
    return project;
  });
}

/** Name and description are the team's; the vision is the product's (`updateVision` in products). */
export async function updateProject(
  db: Db,
  scope: ProjectScope,
  changes: { name?: string | undefined; description?: string | undefined },
) {
  return writeInProject(db, scope, async (tx, log) => {
    const [row] = await tx.update(projects).set(changes).where(eq(projects.id, scope.project.id)).returning();
    const [product] = await tx.select().from(products).where(eq(products.id, scope.productId));
    const project = toProject(row!, product!);
    log.append('project.updated', { project });
    return project;
  });
}
