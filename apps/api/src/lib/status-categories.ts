import { eq } from 'drizzle-orm';
import { statuses, type Db, type Tx } from '@ordo/db';
import type { StatusCategory } from '@ordo/domain';

/**
 * status id → category, for the project's current workflow: what the status rules (done, reopen, a
 * sprint's close) read, from stories, sprints and the workflow alike.
 */
export async function statusCategories(db: Db | Tx, projectId: string): Promise<Map<string, StatusCategory>> {
  const rows = await db
    .select({ id: statuses.id, category: statuses.category })
    .from(statuses)
    .where(eq(statuses.projectId, projectId));
  return new Map(rows.map((r) => [r.id, r.category]));
}
