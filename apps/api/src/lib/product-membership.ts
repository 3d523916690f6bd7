import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { members, productMembers, products, projects, type Db, type Tx } from '@ordo/db';
import { rolesInProduct } from '@ordo/domain';
import type { ProductRow } from '../types';

// Who one is in a product, read by the access plugin, the products module and project creation (joining a
// product) alike: here, so that projects and products need not import each other.

/**
 * A user's products and their roles on each: product roles, and what they hold in any team of it (a
 * member of any team reads the product). Products they have no part in are not there.
 */
export async function productsOf(db: Db | Tx, userId: string, key?: string) {
  const rows = await db
    .select({ product: products, productRoles: productMembers.roles, teamRoles: members.roles })
    .from(products)
    .leftJoin(
      productMembers,
      and(eq(productMembers.productId, products.id), eq(productMembers.userId, userId)),
    )
    .leftJoin(projects, eq(projects.productId, products.id))
    .leftJoin(members, and(eq(members.projectId, projects.id), eq(members.userId, userId)))
    .where(
      and(
        key === undefined ? undefined : eq(products.key, key),
        // Found from the user's memberships (indexed by user), not by reading every product.
        or(
          inArray(
            products.id,
            db
              .select({ id: productMembers.productId })
              .from(productMembers)
              .where(eq(productMembers.userId, userId)),
          ),
          inArray(
            products.id,
            db
              .select({ id: projects.productId })
              .from(members)
              .innerJoin(projects, eq(projects.id, members.projectId))
              .where(eq(members.userId, userId)),
          ),
        ),
        or(isNotNull(productMembers.userId), isNotNull(members.userId)),
      ),
    )
    .orderBy(asc(products.key));
  const byId = new Map<
    string,
    { product: ProductRow; productRoles: string[] | null; teamRoles: string[][] }
  >();
  for (const row of rows) {
    const entry = byId.get(row.product.id) ?? {
      product: row.product,
      productRoles: row.productRoles,
      teamRoles: [],
    };
    if (row.teamRoles) entry.teamRoles.push(row.teamRoles);
    byId.set(row.product.id, entry);
  }
  return [...byId.values()].map((e) => ({
    product: e.product,
    roles: rolesInProduct(e.productRoles, e.teamRoles),
  }));
}

/** The caller's product by key with their roles on it; none when they have no part in it. */
export async function findProductMembership(db: Db | Tx, key: string, userId: string) {
  const [found] = await productsOf(db, userId, key);
  return found;
}
