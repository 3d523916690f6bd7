import { and, asc, eq } from 'drizzle-orm';
import { comments, type Db, type Tx } from '@ordo/db';
import { canChangeComment, DomainError, notFound } from '@ordo/domain';
import { writeInProject } from '../events/log';
import { loadStory } from '../stories/queries';
import type { ProjectScope, WriteScope } from '../../lib/scope';
import { recordStory } from '../stories/service';

const toComment = (row: typeof comments.$inferSelect) => ({
  id: row.id,
  storyId: row.storyId,
  author: { id: row.authorId ?? row.id, name: row.authorName },
  body: row.body,
  createdAt: row.createdAt.toISOString(),
  editedAt: row.editedAt?.toISOString() ?? null,
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

export async function addComment(db: Db, scope: WriteScope, key: string, body: string) {
  return writeInProject(db, scope, async (tx, log) => {
    const story = await loadStory(tx, scope.project, key);
    const [row] = await tx
      .insert(comments)
      .values({
        projectId: scope.project.id,
        storyId: story.id,
        authorId: scope.actor.id,
        authorName: scope.actor.name,
        body,
      })
      .returning();
    const comment = toComment(row!);
    recordStory(log, scope.project, 'comment.added', story, { comment });
    return comment;
  });
}

/** Only a comment's author changes it; an admin may too (to take down what should not be there). */
async function loadOwnComment(tx: Tx, scope: ProjectScope, storyId: string, id: string) {
  const [row] = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.projectId, scope.project.id), eq(comments.id, id), eq(comments.storyId, storyId)));
  if (!row) throw notFound('Comment');
  if (!canChangeComment(scope.roles, row, scope.actor.id)) {
    throw new DomainError('forbidden', 'Only its author or an Admin can change or delete a comment');
  }
  return row;
}

export async function editComment(db: Db, scope: ProjectScope, key: string, id: string, body: string) {
  return writeInProject(db, scope, async (tx, log) => {
    const story = await loadStory(tx, scope.project, key);
    const before = await loadOwnComment(tx, scope, story.id, id);
    const [row] = await tx
      .update(comments)
      .set({ body, editedAt: new Date() })
      .where(and(eq(comments.projectId, scope.project.id), eq(comments.id, before.id)))
      .returning();
    const comment = toComment(row!);
    recordStory(log, scope.project, 'comment.edited', story, { comment, from: { body: before.body } });
    return comment;
  });
}

export async function deleteComment(db: Db, scope: ProjectScope, key: string, id: string) {
  await writeInProject(db, scope, async (tx, log) => {
    const story = await loadStory(tx, scope.project, key);
    const row = await loadOwnComment(tx, scope, story.id, id);
    await tx.delete(comments).where(and(eq(comments.projectId, scope.project.id), eq(comments.id, row.id)));
    recordStory(log, scope.project, 'comment.deleted', story, { comment: toComment(row) });
  });
}
