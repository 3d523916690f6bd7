import { and, asc, eq, sql } from 'drizzle-orm';
import { productMembers, products, type Db } from '@ordo/db';
import type { ProductRoadmap } from '@ordo/domain';
import { listEpics } from '../epics/queries';
import { toProduct } from '../products/queries';
import { productRoadmap } from './product-roadmap';
import { teamsOfProduct } from '../../lib/team-forecast';
import { feedbackCounts } from './queries';

/** What the portfolio says of one product's roadmap: counts, and the nearest open target from `today`. */
function summarise(roadmap: ProductRoadmap, today: string) {
  const open = roadmap.epics.filter((e) => e.epic.status !== 'done');
  const targets = open
    .map((e) => e.epic.targetDate)
    .filter((d): d is string => d !== null && d >= today)
    .sort();
  return {
    epics: {
      total: roadmap.epics.length,
      atRisk: roadmap.epics.filter((e) => e.atRisk).length,
      misaligned: roadmap.epics.filter((e) => e.misalignedWith.length > 0).length,
      conflicts: roadmap.epics.filter((e) => e.blockedBy.length > 0).length,
    },
    nextTarget: targets[0] ?? null,
  };
}

/**
 * Every product `userId` is admin of (the CPO's view), each with its teams and its cross-team roadmap
 * summed up: the same forecast as `GET /api/products/:product/roadmap`, read with every team readable.
 */
export async function portfolioOf(db: Db, userId: string, today: string) {
  const mine = await db
    .select({ product: products })
    .from(productMembers)
    .innerJoin(products, eq(products.id, productMembers.productId))
    .where(and(eq(productMembers.userId, userId), sql`'admin' = any(${productMembers.roles})`))
    .orderBy(asc(products.key));
  return Promise.all(
    mine.map(async ({ product }) => {
      const [teams, epics, counts] = await Promise.all([
        teamsOfProduct(db, product.id),
        listEpics(db, product.id),
        feedbackCounts(db, product.id),
      ]);
      const readable = new Set(teams.map((t) => t.id));
      const roadmap = await productRoadmap(db, { teams, epics, feedbackCounts: counts, readable }, today);
      return {
        product: toProduct(product),
        teams: roadmap.teams.map(({ key, name, velocity }) => ({ key, name, velocity })),
        ...summarise(roadmap, today),
      };
    }),
  );
}
