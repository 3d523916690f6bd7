import { and, eq } from 'drizzle-orm';
import { feedback, stories, type Db, type Tx } from '@ordo/db';
import { invalid, type SubmitFeedback, type TriageFeedback } from '@ordo/domain';
import { writeInProject } from '../events/log';
import { findEpic } from '../epics/queries';
import { writeScope, type EpicScope } from '../epics/service';
import { loadFeedback, toFeedback } from './queries';

/** Links must stay inside the project: an id of another project is bad input naming the field. */
async function checkLinks(
  tx: Tx,
  projectId: string,
  links: { epicId?: string | null; storyId?: string | null },
) {
  if (links.epicId && !(await findEpic(tx, projectId, links.epicId))) {
    throw invalid('epicId', 'is not an epic of this project');
  }
  if (links.storyId) {
    const [story] = await tx
      .select({ deletedAt: stories.deletedAt })
      .from(stories)
      .where(and(eq(stories.projectId, projectId), eq(stories.id, links.storyId)));
    if (!story) throw invalid('storyId', 'is not a story of this project');
    if (story.deletedAt) throw invalid('storyId', 'is a deleted story; restore it first');
  }
}

/** Any member may submit feedback, and say what it is about. */
export async function submitFeedback(db: Db, scope: EpicScope, input: SubmitFeedback) {
  return writeInProject(db, writeScope(scope), async (tx, log) => {
    await checkLinks(tx, scope.project.id, input);
    const [row] = await tx
      .insert(feedback)
      .values({
        projectId: scope.project.id,
        body: input.body,
        source: input.source ?? '',
        epicId: input.epicId ?? null,
        storyId: input.storyId ?? null,
        authorId: scope.actor.id,
        authorName: scope.actor.name,
      })
      .returning({ id: feedback.id });
    const saved = toFeedback(await loadFeedback(tx, scope.project.id, row!.id), scope.project.key);
    log.append('feedback.submitted', { feedback: saved });
    return saved;
  });
}

/** The PM's triage: link to an epic or a story, or mark it done. */
export async function triageFeedback(db: Db, scope: EpicScope, id: string, changes: TriageFeedback) {
  return writeInProject(db, writeScope(scope), async (tx, log) => {
    const current = await loadFeedback(tx, scope.project.id, id);
    await checkLinks(tx, scope.project.id, changes);
    await tx.update(feedback).set(changes).where(eq(feedback.id, current.feedback.id));
    const saved = toFeedback(await loadFeedback(tx, scope.project.id, id), scope.project.key);
    const from = Object.fromEntries(
      Object.keys(changes).map((f) => [f, current.feedback[f as keyof TriageFeedback]]),
    );
    log.append('feedback.updated', { feedback: saved, from });
    return saved;
  });
}
