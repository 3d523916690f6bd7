import { and, desc, eq, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { members, productMembers, projects, stories, type Db } from '@ordo/db';
import { readSearchText } from '@ordo/domain';
import { toStory } from '../stories/queries';
import { matchesWords, searchVector, tsQuery } from '../../lib/text-match';

interface SearchRequest {
  userId: string;
  q: string;
  project?: string | undefined;
  limit: number;
}

/**
 * Search across every project the caller may read (deleted stories aside): the teams they are a member
 * of, and every team of a product they hold a role on. The story whose key was typed comes first, then
 * the stories whose words match, best rank first (title over acceptance criteria over text), newest first
 * among equals. A project the caller may not read (another team of their product too) is never read.
 */
export async function searchStories(db: Db, request: SearchRequest) {
  const text = readSearchText(request.q);
  const readable: SQL[] = [
    isNull(stories.deletedAt),
    or(isNotNull(members.userId), isNotNull(productMembers.userId))!,
  ];
  if (request.project) readable.push(eq(projects.key, request.project));
  const rank = sql<number>`ts_rank(${searchVector}, ${tsQuery(text)})`;
  const base = () =>
    db
      .select({ story: stories, project: { key: projects.key, name: projects.name }, rank })
      .from(stories)
      .innerJoin(projects, eq(projects.id, stories.projectId))
      .leftJoin(members, and(eq(members.projectId, stories.projectId), eq(members.userId, request.userId)))
      .leftJoin(
        productMembers,
        and(eq(productMembers.productId, projects.productId), eq(productMembers.userId, request.userId)),
      );

  const byKey = text.key
    ? await base().where(
        and(...readable, eq(projects.key, text.key.projectKey), eq(stories.number, text.key.number)),
      )
    : [];
  const keyed = byKey[0]?.story.id;
  const byWords = await base()
    .where(and(...readable, matchesWords(text), keyed ? ne(stories.id, keyed) : undefined))
    .orderBy(desc(rank), desc(stories.updatedAt))
    .limit(request.limit - byKey.length);

  return [
    ...byKey.map((row) => ({
      project: row.project,
      story: toStory(row.story, row.project.key),
      match: { kind: 'key' as const, rank: 1 },
    })),
    ...byWords.map((row) => ({
      project: row.project,
      story: toStory(row.story, row.project.key),
      match: { kind: 'words' as const, rank: row.rank },
    })),
  ];
}
