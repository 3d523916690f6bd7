import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { feedback, projects, stories, type Db, type Tx } from '@ordo/db';
import { formatStoryKey, notFound, type Feedback, type FeedbackFilter } from '@ordo/domain';

export type FeedbackRow = typeof feedback.$inferSelect;
/** A feedback row with the key of the story it is linked to (of any team of the product), if any. */
export interface LinkedFeedbackRow {
  feedback: FeedbackRow;
  storyNumber: number | null;
  storyProjectKey: string | null;
  storyProjectId?: string | null;
}

export const toFeedback = ({ feedback: row, storyNumber, storyProjectKey }: LinkedFeedbackRow): Feedback => ({
  id: row.id,
  body: row.body,
  source: row.source,
  epicId: row.epicId,
  storyId: row.storyId,
  storyKey:
    storyNumber === null || storyProjectKey === null ? null : formatStoryKey(storyProjectKey, storyNumber),
  done: row.done,
  author: { id: row.authorId, name: row.authorName },
  createdAt: row.createdAt.toISOString(),
});

function selectLinked(db: Db | Tx, where: SQL | undefined) {
  return (
    db
      .select({
        feedback,
        storyNumber: stories.number,
        storyProjectKey: projects.key,
        storyProjectId: projects.id,
      })
      .from(feedback)
      // The story is looked for in the product's teams only: the read names the projects it touches.
      .leftJoin(
        stories,
        and(
          inArray(
            stories.projectId,
            db.select({ id: projects.id }).from(projects).where(eq(projects.productId, feedback.productId)),
          ),
          eq(stories.id, feedback.storyId),
        ),
      )
      .leftJoin(projects, and(eq(projects.id, stories.projectId), eq(projects.productId, feedback.productId)))
      .where(where)
  );
}

/** Feedback as a reader of the teams `readable` (ids) sees it: a story of another team is not named (no id, no key). */
export const redactStory = (row: LinkedFeedbackRow, readable: ReadonlySet<string>): LinkedFeedbackRow =>
  row.storyProjectId && !readable.has(row.storyProjectId)
    ? { ...row, feedback: { ...row.feedback, storyId: null }, storyNumber: null, storyProjectKey: null }
    : row;

/**
 * The product's inbox, newest first, as a reader who may read the teams `readable` (ids) sees it: the
 * story of feedback linked to a story of another team is not named (no id, no key), like a link's.
 */
export async function listFeedback(
  db: Db,
  productId: string,
  filter: FeedbackFilter,
  readable: ReadonlySet<string>,
) {
  const where = [eq(feedback.productId, productId)];
  if (filter.epic) where.push(eq(feedback.epicId, filter.epic));
  if (filter.done !== undefined) where.push(eq(feedback.done, filter.done));
  const rows = await selectLinked(db, and(...where)).orderBy(desc(feedback.createdAt), desc(feedback.id));
  return rows.map((row) => redactStory(row, readable));
}

export async function feedbackOfEpic(tx: Tx, productId: string, epicId: string) {
  return selectLinked(tx, and(eq(feedback.productId, productId), eq(feedback.epicId, epicId)));
}

export async function loadFeedback(tx: Tx, productId: string, id: string) {
  const [row] = await selectLinked(tx, and(eq(feedback.productId, productId), eq(feedback.id, id)));
  if (!row) throw notFound('Feedback');
  return row;
}
