import { and, asc, eq } from 'drizzle-orm';
import { subtasks, type Db, type Tx } from '@ordo/db';
import { conflict, notFound, type Subtask, type UpdateSubtask } from '@ordo/domain';
import { writeInProject, type EventLog } from '../events/log';
import { loadStory, type StoryRow } from '../stories/queries';
import { checkStoryReferences } from '../../lib/story-references';
import type { WriteScope } from '../../lib/scope';
import { writeStory } from '../stories/service';
import { SUBTASK_COUNTS } from './queries';

const toSubtask = (row: typeof subtasks.$inferSelect): Subtask => ({
  id: row.id,
  title: row.title,
  done: row.done,
  assigneeId: row.assigneeId,
  createdAt: row.createdAt.toISOString(),
});

export async function listSubtasks(db: Db | Tx, projectId: string, storyId: string) {
  const rows = await db
    .select()
    .from(subtasks)
    .where(and(eq(subtasks.projectId, projectId), eq(subtasks.storyId, storyId)))
    .orderBy(asc(subtasks.createdAt), asc(subtasks.id));
  return rows.map(toSubtask);
}

/**
 * Recounts the story's `n/m` from its sub-tasks and logs the change with the story as it now is, so cards
 * and rows update live. The story's version stays: a sub-task is not an edit of the story's fields.
 */
async function recount(
  tx: Tx,
  scope: WriteScope,
  story: StoryRow,
  log: EventLog,
  type: 'subtask.added' | 'subtask.updated' | 'subtask.deleted',
  subtask: Subtask,
) {
  await writeStory(tx, log, scope.project, story, {
    changes: SUBTASK_COUNTS,
    type,
    extra: { subtask },
    keepVersion: true,
  });
}

async function loadLiveStory(tx: Tx, scope: WriteScope, key: string) {
  const story = await loadStory(tx, scope.project, key);
  if (story.deletedAt) throw conflict(`${key} is deleted; restore it first`);
  return story;
}

async function loadSubtask(tx: Tx, story: StoryRow, id: string) {
  const [row] = await tx
    .select()
    .from(subtasks)
    .where(and(eq(subtasks.projectId, story.projectId), eq(subtasks.id, id), eq(subtasks.storyId, story.id)));
  if (!row) throw notFound('Sub-task');
  return row;
}

export async function addSubtask(
  db: Db,
  scope: WriteScope,
  key: string,
  input: { title: string; assigneeId?: string | null | undefined },
) {
  return writeInProject(db, scope, async (tx, log) => {
    const story = await loadLiveStory(tx, scope, key);
    await checkStoryReferences(tx, scope.project.id, { assigneeId: input.assigneeId });
    const [row] = await tx
      .insert(subtasks)
      .values({
        projectId: scope.project.id,
        storyId: story.id,
        title: input.title,
        assigneeId: input.assigneeId ?? null,
      })
      .returning();
    const subtask = toSubtask(row!);
    await recount(tx, scope, story, log, 'subtask.added', subtask);
    return subtask;
  });
}

export async function updateSubtask(
  db: Db,
  scope: WriteScope,
  key: string,
  id: string,
  changes: UpdateSubtask,
) {
  return writeInProject(db, scope, async (tx, log) => {
    const story = await loadLiveStory(tx, scope, key);
    const before = await loadSubtask(tx, story, id);
    await checkStoryReferences(tx, scope.project.id, { assigneeId: changes.assigneeId });
    const [row] = await tx
      .update(subtasks)
      .set(changes)
      .where(and(eq(subtasks.projectId, scope.project.id), eq(subtasks.id, before.id)))
      .returning();
    const subtask = toSubtask(row!);
    await recount(tx, scope, story, log, 'subtask.updated', subtask);
    return subtask;
  });
}

export async function deleteSubtask(db: Db, scope: WriteScope, key: string, id: string) {
  await writeInProject(db, scope, async (tx, log) => {
    const story = await loadLiveStory(tx, scope, key);
    const row = await loadSubtask(tx, story, id);
    await tx.delete(subtasks).where(and(eq(subtasks.projectId, scope.project.id), eq(subtasks.id, row.id)));
    await recount(tx, scope, story, log, 'subtask.deleted', toSubtask(row));
  });
}
