import { eq } from 'drizzle-orm';
import { projects, type Db } from '@ordo/db';
import type { TeamProject } from './queries';

/**
 * The teams of the product `projectId` belongs to (the project itself included), in key order.
 * Until products land every project is the only team of its own product.
 */
export async function teamsOfProductOf(db: Db, projectId: string): Promise<TeamProject[]> {
  return db
    .select({
      id: projects.id,
      key: projects.key,
      name: projects.name,
      plannedVelocity: projects.plannedVelocity,
    })
    .from(projects)
    .where(eq(projects.id, projectId));
}
