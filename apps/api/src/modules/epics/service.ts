import { and, eq } from 'drizzle-orm';
import { epics, feedback, stories, type Db, type Tx } from '@ordo/db';
import {
  invalid,
  isTargetBeforeStart,
  rankAtBottom,
  TARGET_BEFORE_START,
  type CreateEpic,
  type UpdateEpic,
} from '@ordo/domain';
import type { ProductWriteScope } from '../../lib/scope';
import { writeInProduct, type EventLog } from '../events/log';
import { feedbackOfEpic, toFeedback } from '../feedback/queries';
import { writeStories } from '../stories/service';
import { lastRank } from '../../lib/ranked-rows';
import { loadEpic, teamsUsingEpic, toEpic, type EpicRow } from './queries';

/** A new epic goes to the end of the roadmap. */
export async function createEpic(db: Db, scope: ProductWriteScope, input: CreateEpic) {
  return writeInProduct(db, scope, async (tx, log) => {
    const [row] = await tx
      .insert(epics)
      .values({
        ...input,
        productId: scope.productId,
        rank: rankAtBottom(await lastRank(tx, epics, scope.productId)),
      })
      .returning();
    const epic = toEpic(row!);
    log.append('epic.created', { epic });
    return epic;
  });
}

/** The body alone may carry one date: the target is checked against the start it will have once saved. */
export async function updateEpic(db: Db, scope: ProductWriteScope, id: string, changes: UpdateEpic) {
  return writeInProduct(db, scope, async (tx, log) => {
    const row = await loadEpic(tx, scope.productId, id);
    const start = changes.startDate === undefined ? row.startDate : changes.startDate;
    const target = changes.targetDate === undefined ? row.targetDate : changes.targetDate;
    if (isTargetBeforeStart(start, target)) throw invalid('targetDate', `${TARGET_BEFORE_START} (${start})`);
    const [saved] = await tx
      .update(epics)
      .set(changes)
      .where(and(eq(epics.productId, row.productId), eq(epics.id, row.id)))
      .returning();
    const epic = toEpic(saved!);
    const from = Object.fromEntries(Object.keys(changes).map((f) => [f, row[f as keyof EpicRow]]));
    log.append('epic.updated', { epic, from });
    return epic;
  });
}

/**
 * Deleting an epic loses no story and no feedback: each is unlinked first, with its own event (a story's
 * in its own team's log, whichever team the delete comes through), so every story's history and every
 * live client sees the change.
 */
export async function deleteEpic(db: Db, scope: ProductWriteScope, id: string) {
  await writeInProduct(db, scope, async (tx, log, logOf) => {
    const row = await loadEpic(tx, scope.productId, id);
    let unlinkedStories = 0;
    for (const team of await teamsUsingEpic(tx, scope.productId, row.id))
      unlinkedStories += await unlinkStories(tx, team, row.id, logOf(team.id));
    const unlinkedFeedback = await unlinkFeedback(tx, scope, row.id, log, logOf);
    await tx.delete(epics).where(and(eq(epics.productId, row.productId), eq(epics.id, row.id)));
    log.append('epic.deleted', { epic: toEpic(row), unlinkedStories, unlinkedFeedback });
  });
}

async function unlinkStories(tx: Tx, team: { id: string; key: string }, epicId: string, log: EventLog) {
  const rows = await writeStories(tx, log, team, {
    which: eq(stories.epicId, epicId),
    changes: { epicId: null },
    type: 'story.updated',
    extra: () => ({ from: { epicId } }),
  });
  return rows.length;
}

/** Each feedback's event goes to the log of the team of its story, if any: only its readers see the key. */
async function unlinkFeedback(
  tx: Tx,
  scope: ProductWriteScope,
  epicId: string,
  log: EventLog,
  logOf: (projectId: string) => EventLog,
) {
  const linked = await feedbackOfEpic(tx, scope.productId, epicId);
  if (linked.length === 0) return 0;
  await tx
    .update(feedback)
    .set({ epicId: null })
    .where(and(eq(feedback.productId, scope.productId), eq(feedback.epicId, epicId)));
  for (const row of linked) {
    const unlinked = { ...row, feedback: { ...row.feedback, epicId: null } };
    const into = row.storyProjectId ? logOf(row.storyProjectId) : log;
    into.append('feedback.updated', { feedback: toFeedback(unlinked), from: { epicId } });
  }
  return linked.length;
}
