import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { members, productMembers, projects, users, type Db, type Tx } from '@ordo/db';
import { isProductRole, velocityReport, type Product } from '@ordo/domain';
import { productsOf } from '../../lib/product-membership';
import type { ProductRow } from '../../types';
import { closedSprints } from '../sprints/queries';

export const toProduct = (row: ProductRow): Product => ({
  id: row.id,
  key: row.key,
  name: row.name,
  vision: row.vision,
  createdAt: row.createdAt.toISOString(),
});

export async function listMyProducts(db: Db, userId: string) {
  return (await productsOf(db, userId)).map((p) => ({ ...toProduct(p.product), roles: p.roles }));
}

/** The product's teams in key order, each with its velocity. */
export async function listTeams(db: Db | Tx, productId: string) {
  const rows = await db
    .select({ id: projects.id, key: projects.key, name: projects.name })
    .from(projects)
    .where(eq(projects.productId, productId))
    .orderBy(asc(projects.key));
  return Promise.all(
    rows.map(async (team) => ({
      key: team.key,
      name: team.name,
      velocity: velocityReport(await closedSprints(db, team.id)).average,
    })),
  );
}

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  handle: users.handle,
  roles: productMembers.roles,
  joinedAt: productMembers.joinedAt,
};

export const toProductMember = (row: {
  id: string;
  email: string;
  name: string;
  handle: string;
  roles: string[];
  joinedAt: Date;
}) => ({
  user: { id: row.id, email: row.email, name: row.name, handle: row.handle },
  roles: row.roles.filter(isProductRole),
  joinedAt: row.joinedAt.toISOString(),
});

export async function listProductMembers(db: Db | Tx, productId: string) {
  const rows = await db
    .select(memberColumns)
    .from(productMembers)
    .innerJoin(users, eq(users.id, productMembers.userId))
    .where(eq(productMembers.productId, productId))
    .orderBy(asc(users.name));
  return rows.map(toProductMember);
}

export async function findProductMember(db: Db | Tx, productId: string, userId: string) {
  const [row] = await db
    .select(memberColumns)
    .from(productMembers)
    .innerJoin(users, eq(users.id, productMembers.userId))
    .where(and(eq(productMembers.productId, productId), eq(productMembers.userId, userId)));
  return row;
}

/**
 * The teams of the product whose stories `userId` may read: every team for a product role, else the
 * teams they are a member of.
 */
export async function readableTeams(db: Db | Tx, productId: string, userId: string) {
  const [role] = await db
    .select({ roles: productMembers.roles })
    .from(productMembers)
    .where(and(eq(productMembers.productId, productId), eq(productMembers.userId, userId)));
  const all = role !== undefined && role.roles.length > 0;
  return db
    .select({ id: projects.id, key: projects.key, productId: projects.productId })
    .from(projects)
    .leftJoin(members, and(eq(members.projectId, projects.id), eq(members.userId, userId)))
    .where(and(eq(projects.productId, productId), all ? undefined : isNotNull(members.userId)))
    .orderBy(asc(projects.key));
}
