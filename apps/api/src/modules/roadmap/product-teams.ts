import { and, eq, inArray } from 'drizzle-orm';
import { members, productMembers, products, type Db } from '@ordo/db';
import { teamsOfProduct } from '../../lib/team-forecast';

/**
 * What `userId` may read of product `key`: any product role reads every team; otherwise only the teams the
 * user is a member of, and a user in none of them learns nothing (null, a 404).
 */
export async function productReader(db: Db, key: string, userId: string) {
  const [product] = await db.select().from(products).where(eq(products.key, key));
  if (!product) return null;
  const teams = await teamsOfProduct(db, product.id);
  const [role] = await db
    .select({ roles: productMembers.roles })
    .from(productMembers)
    .where(and(eq(productMembers.productId, product.id), eq(productMembers.userId, userId)));
  const mine =
    teams.length === 0
      ? []
      : await db
          .select({ projectId: members.projectId })
          .from(members)
          .where(
            and(
              eq(members.userId, userId),
              inArray(
                members.projectId,
                teams.map((t) => t.id),
              ),
            ),
          );
  const readable = new Set(
    role && role.roles.length > 0 ? teams.map((t) => t.id) : mine.map((m) => m.projectId),
  );
  return readable.size === 0 && !role ? null : { product, teams, readable };
}
