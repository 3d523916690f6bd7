import { and, asc, eq } from 'drizzle-orm';
import { members, products, projects, statuses, type Db } from '@ordo/db';
import { isRole, type Project, type Status } from '@ordo/domain';
import type { ProductRow, ProjectRow } from '../../types';

/** A project as the API shows it: the vision is its product's. */
export const toProject = (
  row: ProjectRow,
  product: Pick<ProductRow, 'key' | 'name' | 'vision'>,
): Project => ({
  id: row.id,
  key: row.key,
  name: row.name,
  description: row.description,
  vision: product.vision,
  product: { key: product.key, name: product.name },
  createdAt: row.createdAt.toISOString(),
});

export const toStatus = (row: typeof statuses.$inferSelect): Status => ({
  id: row.id,
  name: row.name,
  category: row.category,
  wipLimit: row.wipLimit,
});

export async function findMembership(db: Db, key: string, userId: string) {
  const [row] = await db
    .select({ project: projects, product: products, roles: members.roles })
    .from(projects)
    .innerJoin(products, eq(products.id, projects.productId))
    .innerJoin(members, and(eq(members.projectId, projects.id), eq(members.userId, userId)))
    .where(eq(projects.key, key));
  return row;
}

export async function listMyProjects(db: Db, userId: string) {
  const rows = await db
    .select({ project: projects, product: products, roles: members.roles })
    .from(members)
    .innerJoin(projects, eq(projects.id, members.projectId))
    .innerJoin(products, eq(products.id, projects.productId))
    .where(eq(members.userId, userId))
    .orderBy(asc(projects.key));
  return rows.map((r) => ({ ...toProject(r.project, r.product), roles: r.roles.filter(isRole) }));
}

/** The project's workflow in board order. */
export async function listStatuses(db: Db, projectId: string) {
  const rows = await db
    .select()
    .from(statuses)
    .where(eq(statuses.projectId, projectId))
    .orderBy(asc(statuses.position));
  return rows.map(toStatus);
}
