import { and, gt, inArray } from 'drizzle-orm';
import { apiTokens, projects, sessions, type Db } from '@ordo/db';

/** The latest seq of each of these projects, in one round trip (the safety poll). */
export async function latestSeqs(db: Db, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db.select({ id: projects.id, lastSeq: projects.lastSeq }).from(projects).where(inArray(projects.id, projectIds));
}

/** Which of these secret hashes still sign someone in: a session not expired, or a personal access token. */
export async function validSecretHashes(db: Db, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const [bySession, byToken] = await Promise.all([
    db.select({ hash: sessions.tokenHash }).from(sessions).where(and(inArray(sessions.tokenHash, hashes), gt(sessions.expiresAt, new Date()))),
    db.select({ hash: apiTokens.tokenHash }).from(apiTokens).where(inArray(apiTokens.tokenHash, hashes)),
  ]);
  return new Set([...bySession, ...byToken].map((row) => row.hash));
}
