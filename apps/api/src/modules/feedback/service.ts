import { and, eq } from 'drizzle-orm';
import { feedback, stories, type Db, type Tx } from '@ordo/db';
import { invalid, type SubmitFeedback, type TriageFeedback } from '@ordo/domain';
import { writeInProject } from '../events/log';
import { findEpic } from '../epics/queries';
import type { ProjectScope } from '../../lib/scope';
import { loadFeedback, toFeedback } from './queries';

/**
 * Links stay inside what the caller's team may read: an epic of the product, a story of this team. An id
 * of anything else is bad input naming the field.
 */
async function checkLinks(
  tx: Tx,
  scope: ProjectScope,
  links: { epicId?: string | null; storyId?: string | null },
) {
  if (links.epicId && !(await findEpic(tx, scope.productId, links.epicId))) {
    throw invalid('epicId', 'is not an epic of this product');
  }
  if (links.storyId) {
    const [story] = await tx
      .select({ deletedAt: stories.deletedAt })
      .from(stories)
      .where(and(eq(stories.projectId, scope.project.id), eq(stories.id, links.storyId)));
    if (!story) throw invalid('storyId', 'is not a story of this project');
    if (story.deletedAt) throw invalid('storyId', 'is a deleted story; restore it first');
  }
}

/** Any member may submit feedback, and say what it is about. */
export async function submitFeedback(db: Db, scope: ProjectScope, input: SubmitFeedback) {
  return writeInProject(db, scope, async (tx, log) => {
    await checkLinks(tx, scope, input);
    const [row] = await tx
      .insert(feedback)
      .values({
        productId: scope.productId,
        body: input.body,
        source: input.source ?? '',
        epicId: input.epicId ?? null,
        storyId: input.storyId ?? null,
        authorId: scope.actor.id,
        authorName: scope.actor.name,
      })
      .returning({ id: feedback.id });
    const saved = toFeedback(await loadFeedback(tx, scope.productId, row!.id));
    log.append('feedback.submitted', { feedback: saved });
    return saved;
  });
}

/** The PM's triage: link to an epic or a story, or mark it done. */
export async function triageFeedback(db: Db, scope: ProjectScope, id: string, changes: TriageFeedback) {
  return writeInProject(db, scope, async (tx, log) => {
    const current = await loadFeedback(tx, scope.productId, id);
    await checkLinks(tx, scope, changes);
    await tx
      .update(feedback)
      .set(changes)
      .where(and(eq(feedback.productId, scope.productId), eq(feedback.id, current.feedback.id)));
    const saved = toFeedback(await loadFeedback(tx, scope.productId, id));
    const from = Object.fromEntries(
      Object.keys(changes).map((f) => [f, current.feedback[f as keyof TriageFeedback]]),
    );
    log.append('feedback.updated', { feedback: saved, from });
    return saved;
  });
}
