import { and, eq, inArray } from 'drizzle-orm';
import { epics, feedback, stories, type Db, type Tx } from '@ordo/db';
import { invalid, type SubmitFeedback, type TriageFeedback } from '@ordo/domain';
import { writeInProduct, type EventLog } from '../events/log';
import type { ProductWriteScope } from '../../lib/scope';
import { readableTeams } from '../products/queries';
import { loadFeedback, redactStory, toFeedback, type LinkedFeedbackRow } from './queries';

/**
 * Links stay inside what the caller may read: an epic of the product, a story of a team of the product
 * that the caller reads (`readable`). An id of anything else is bad input naming the field, and a story of
 * a team they cannot read is refused as one that does not exist. The epic is read here: the epics module
 * builds on feedback (deleting an epic unlinks its feedback), so feedback does not import it back.
 */
async function checkLinks(
  tx: Tx,
  scope: ProductWriteScope,
  links: { epicId?: string | null; storyId?: string | null },
  readable: readonly { id: string }[],
) {
  if (links.epicId) {
    const [epic] = await tx
      .select({ id: epics.id })
      .from(epics)
      .where(and(eq(epics.productId, scope.productId), eq(epics.id, links.epicId)));
    if (!epic) throw invalid('epicId', 'is not an epic of this product');
  }
  if (links.storyId) {
    const [story] =
      readable.length === 0
        ? []
        : await tx
            .select({ deletedAt: stories.deletedAt })
            .from(stories)
            .where(
              and(
                inArray(
                  stories.projectId,
                  readable.map((team) => team.id),
                ),
                eq(stories.id, links.storyId),
              ),
            );
    if (!story) throw invalid('storyId', 'is not a story of this product');
    if (story.deletedAt) throw invalid('storyId', 'is a deleted story; restore it first');
  }
}

/**
 * Where a feedback event is recorded: in the log of the team of the story it is about, where that story's
 * readers are (the event names the story); feedback about no story in the log of the write's team.
 */
const logFor = (row: LinkedFeedbackRow, log: EventLog, logOf: (projectId: string) => EventLog) =>
  row.storyProjectId ? logOf(row.storyProjectId) : log;

/** Any member may submit feedback, and say what it is about: a story of any team of the product they read. */
export async function submitFeedback(db: Db, scope: ProductWriteScope, input: SubmitFeedback) {
  return writeInProduct(db, scope, async (tx, log, logOf) => {
    const readable = input.storyId ? await readableTeams(tx, scope.productId, scope.actor.id) : [];
    await checkLinks(tx, scope, input, readable);
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
    const linked = await loadFeedback(tx, scope.productId, row!.id);
    const saved = toFeedback(linked);
    logFor(linked, log, logOf).append('feedback.submitted', { feedback: saved });
    return saved;
  });
}

/**
 * The PM's triage: link to an epic or to a story of any team of the product they read, or mark it done.
 * The answer names the story only to a caller who reads its team (like the inbox); the event's `from` names
 * a story of a team other than the one it is recorded in by nothing.
 */
export async function triageFeedback(db: Db, scope: ProductWriteScope, id: string, changes: TriageFeedback) {
  return writeInProduct(db, scope, async (tx, log, logOf) => {
    const current = await loadFeedback(tx, scope.productId, id);
    const readable = await readableTeams(tx, scope.productId, scope.actor.id);
    await checkLinks(tx, scope, changes, readable);
    await tx
      .update(feedback)
      .set(changes)
      .where(and(eq(feedback.productId, scope.productId), eq(feedback.id, current.feedback.id)));
    const linked = await loadFeedback(tx, scope.productId, id);
    const saved = toFeedback(linked);
    const from: Record<string, unknown> = Object.fromEntries(
      Object.keys(changes).map((f) => [f, current.feedback[f as keyof TriageFeedback]]),
    );
    const recordedIn = linked.storyProjectId ?? scope.project?.id;
    if ('storyId' in from && current.storyProjectId && current.storyProjectId !== recordedIn)
      from.storyId = null;
    logFor(linked, log, logOf).append('feedback.updated', { feedback: saved, from });
    return toFeedback(redactStory(linked, new Set(readable.map((team) => team.id))));
  });
}
