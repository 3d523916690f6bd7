import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { members, productMembers, products, projects, type Db, type Tx } from '@ordo/db';
import { rolesInProduct } from '@ordo/domain';
import type { ProductRow } from '../types';

// Who one is in a product, read by the access plugin, the products module and project creation (joining a
// product) alike: here, so that projects and products need not import each other.

interface Team {
  id: string;
  key: string;
  isMine: boolean;
}
/** Their own teams first, then by key: the first is the team whose log records their product writes. */
const comesBefore = (a: Team, b: Team | null) =>
  b === null || (a.isMine !== b.isMine ? a.isMine : a.key < b.key);

/**
 * A user's products and their roles on each: product roles, and what they hold in any team of it (a
 * member of any team reads the product). Products they have no part in are not there. `teamOfWrite`: the
 * team whose log records a product-level write by them, their first team of the product (by key) so that
 * their own team's readers see it live, else the product's first team; null for a product without teams.
 */
export async function productsOf(db: Db | Tx, userId: string, key?: string) {
  const rows = await db
    .select({
      product: products,
      productRoles: productMembers.roles,
      teamRoles: members.roles,
      teamId: projects.id,
      teamKey: projects.key,
    })
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
    { product: ProductRow; productRoles: string[] | null; teamRoles: string[][]; team: Team | null }
  >();
  for (const row of rows) {
    const entry = byId.get(row.product.id) ?? {
      product: row.product,
      productRoles: row.productRoles,
      teamRoles: [],
      team: null,
    };
    if (row.teamRoles) entry.teamRoles.push(row.teamRoles);
    const team = row.teamId && { id: row.teamId, key: row.teamKey!, isMine: row.teamRoles !== null };
    if (team && comesBefore(team, entry.team)) entry.team = team;
    byId.set(row.product.id, entry);
  }
  return [...byId.values()].map((e) => ({
    product: e.product,
    roles: rolesInProduct(e.productRoles, e.teamRoles),
    teamOfWrite: e.team && { id: e.team.id, key: e.team.key },
  }));
}

/** The caller's product by key with their roles on it; none when they have no part in it. */
export async function findProductMembership(db: Db | Tx, key: string, userId: string) {
  const [found] = await productsOf(db, userId, key);
  return found;
}
