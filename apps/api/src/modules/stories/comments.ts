import { and, asc, eq } from 'drizzle-orm';
import { comments, type Db } from '@ordo/db';
import { writeInProject } from '../events/log';
import { loadStory, toStory } from './queries';
import type { StoryScope } from './service';

const toComment = (row: typeof comments.$inferSelect) => ({
  id: row.id,
  storyId: row.storyId,
  author: { id: row.authorId ?? row.id, name: row.authorName },
  body: row.body,
  createdAt: row.createdAt.toISOString(),
});

export async function listComments(db: Db, project: { id: string; key: string }, key: string) {
  const story = await loadStory(db, project, key);
  const rows = await db
    .select()
    .from(comments)
    .where(and(eq(comments.projectId, project.id), eq(comments.storyId, story.id)))
    .orderBy(asc(comments.createdAt));
  return rows.map(toComment);
}

export async function addComment(db: Db, scope: StoryScope, key: string, body: string) {
  return writeInProject(db, { projectId: scope.project.id, actor: scope.actor }, async (tx, log) => {
    const story = await loadStory(tx, scope.project, key);
    const [row] = await tx
      .insert(comments)
      .values({ projectId: scope.project.id, storyId: story.id, authorId: scope.actor.id, authorName: scope.actor.name, body })
      .returning();
    const comment = toComment(row!);
    log.append('comment.added', { comment, story: toStory(story, scope.project.key) }, { storyId: story.id });
    return comment;
  });
}
