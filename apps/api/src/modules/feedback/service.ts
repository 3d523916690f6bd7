import { and, eq, inArray } from 'drizzle-orm';
import { epics, feedback, stories, type Db, type Tx } from '@ordo/db';
import { invalid, type SubmitFeedback, type TriageFeedback } from '@ordo/domain';
import { writeInProduct } from '../events/log';
import type { ProductWriteScope } from '../../lib/scope';
import { readableTeams } from '../products/queries';
import { loadFeedback, toFeedback } from './queries';

/**
 * Links stay inside what the caller's team may read: an epic of the product, a story of this team. An id
 * of anything else is bad input naming the field. The epic is read here: the epics module builds on
 * feedback (deleting an epic unlinks its feedback), so feedback does not import it back.
 */
async function checkLinks(
  tx: Tx,
  scope: ProductWriteScope,
  links: { epicId?: string | null; storyId?: string | null },
) {
  if (links.epicId) {
    const [epic] = await tx
      .select({ id: epics.id })
      .from(epics)
      .where(and(eq(epics.productId, scope.productId), eq(epics.id, links.epicId)));
    if (!epic) throw invalid('epicId', 'is not an epic of this product');
  }
  if (links.storyId) {
    const [story] = scope.project
      ? await tx
          .select({ deletedAt: stories.deletedAt })
          .from(stories)
          .where(and(eq(stories.projectId, scope.project.id), eq(stories.id, links.storyId)))
      : [];
    if (!story) throw invalid('storyId', 'is not a story of this project');
    if (story.deletedAt) throw invalid('storyId', 'is a deleted story; restore it first');
  }
}

/**
 * The scope of feedback sent to the product (`/api/products/:product/feedback`) about a story: it is
 * recorded in the log of the story's team, where the story's readers are, and the story must be of a team
 * the caller may read (a story of another team is not found, whether it exists or not).
 */
export async function productFeedbackScope(
  db: Db,
  scope: ProductWriteScope,
  storyId: string | null | undefined,
): Promise<ProductWriteScope> {
  if (!storyId) return scope;
  const teams = await readableTeams(db, scope.productId, scope.actor.id);
  const [story] =
    teams.length === 0
      ? []
      : await db
          .select({ projectId: stories.projectId })
          .from(stories)
          .where(
            and(
              eq(stories.id, storyId),
              inArray(
                stories.projectId,
                teams.map((t) => t.id),
              ),
            ),
          );
  const team = story && teams.find((t) => t.id === story.projectId);
  if (!team) throw invalid('storyId', 'is not a story of this product');
  return { ...scope, project: { id: team.id, key: team.key } };
}

/** Any member may submit feedback, and say what it is about. */
export async function submitFeedback(db: Db, scope: ProductWriteScope, input: SubmitFeedback) {
  return writeInProduct(db, scope, async (tx, log) => {
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
export async function triageFeedback(db: Db, scope: ProductWriteScope, id: string, changes: TriageFeedback) {
  return writeInProduct(db, scope, async (tx, log) => {
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
