import { inArray } from 'drizzle-orm';
import { projects, type Db } from '@ordo/db';

/** The latest seq of each of these projects, in one round trip (the safety poll). */
export async function latestSeqs(db: Db, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select({ id: projects.id, lastSeq: projects.lastSeq })
    .from(projects)
    .where(inArray(projects.id, projectIds));
}

export { validSecretHashes } from '../auth/queries';
