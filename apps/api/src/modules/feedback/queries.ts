import { and, desc, eq, type SQL } from 'drizzle-orm';
import { feedback, stories, type Db, type Tx } from '@ordo/db';
import { formatStoryKey, notFound, type Feedback, type FeedbackFilter } from '@ordo/domain';

export type FeedbackRow = typeof feedback.$inferSelect;
/** A feedback row with the number of the story it is linked to, if any. */
export interface LinkedFeedbackRow {
  feedback: FeedbackRow;
  storyNumber: number | null;
}

export const toFeedback = (
  { feedback: row, storyNumber }: LinkedFeedbackRow,
  projectKey: string,
): Feedback => ({
  id: row.id,
  body: row.body,
  source: row.source,
  epicId: row.epicId,
  storyId: row.storyId,
  storyKey: storyNumber === null ? null : formatStoryKey(projectKey, storyNumber),
  done: row.done,
  author: { id: row.authorId, name: row.authorName },
  createdAt: row.createdAt.toISOString(),
});

function selectLinked(db: Db | Tx, where: SQL | undefined) {
  return db
    .select({ feedback, storyNumber: stories.number })
    .from(feedback)
    .leftJoin(stories, eq(stories.id, feedback.storyId))
    .where(where);
}

/** The inbox, newest first. */
export async function listFeedback(db: Db, projectId: string, filter: FeedbackFilter) {
  const where = [eq(feedback.projectId, projectId)];
  if (filter.epic) where.push(eq(feedback.epicId, filter.epic));
  if (filter.done !== undefined) where.push(eq(feedback.done, filter.done));
  return selectLinked(db, and(...where)).orderBy(desc(feedback.createdAt), desc(feedback.id));
}

export async function feedbackOfEpic(tx: Tx, projectId: string, epicId: string) {
  return selectLinked(tx, and(eq(feedback.projectId, projectId), eq(feedback.epicId, epicId)));
}

export async function loadFeedback(tx: Tx, projectId: string, id: string) {
  const [row] = await selectLinked(tx, and(eq(feedback.projectId, projectId), eq(feedback.id, id)));
  if (!row) throw notFound('Feedback');
  return row;
}
