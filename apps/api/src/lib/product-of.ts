import { eq } from 'drizzle-orm';
import { projects, type Db, type Tx } from '@ordo/db';

/** The product a project is a team of, for writers that know only the project (imports, restores). */
export async function productIdOf(db: Db | Tx, projectId: string) {
  const [row] = await db
    .select({ productId: projects.productId })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!row) throw new Error(`project ${projectId} has no product`);
  return row.productId;
}
