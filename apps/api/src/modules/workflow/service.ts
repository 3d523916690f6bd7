import { and, asc, eq, inArray } from 'drizzle-orm';
import { sprints, statuses, stories, type Db, type Tx } from '@ordo/db';
import {
  afterTransition,
  planWorkflow,
  type PlannedStatus,
  type RemovedStatus,
  type UpdateStatuses,
} from '@ordo/domain';
import { writeInProject, type EventLog } from '../events/log';
import { listStatuses } from '../projects/queries';
import type { WriteScope } from '../../lib/scope';
import { writeStory } from '../stories/service';
import { statusCategories } from '../../lib/status-categories';
import { storyCounts } from './queries';

/**
 * Replaces the project's workflow with the list sent, in order: renames, new statuses, WIP limits, and
 * removed statuses whose stories move where `moveStoriesTo` says (each move logged like a board move).
 */
export async function updateWorkflow(db: Db, scope: WriteScope, input: UpdateStatuses) {
  return writeInProject(db, scope, async (tx, log) => {
    const current = await listStatuses(tx, scope.project.id);
    const counts = await storyCounts(
      tx,
      scope.project.id,
      current.map((s) => s.id),
    );
    const plan = planWorkflow(current, input, counts);
    await saveStatuses(tx, scope.project.id, plan.statuses);
    await moveStranded(tx, log, scope, plan.removed);
    const removedIds = plan.removed.map((r) => r.status.id);
    if (removedIds.length > 0)
      await tx
        .delete(statuses)
        .where(and(eq(statuses.projectId, scope.project.id), inArray(statuses.id, removedIds)));
    const workflow = await listStatuses(tx, scope.project.id);
    log.append('workflow.updated', { statuses: workflow, removed: plan.removed });
    return workflow;
  });
}

async function saveStatuses(tx: Tx, projectId: string, planned: PlannedStatus[]) {
  const fresh = planned.filter((s) => s.id === null).map(({ id: _new, ...s }) => ({ ...s, projectId }));
  if (fresh.length > 0) await tx.insert(statuses).values(fresh);
  for (const { id, ...fields } of planned) {
    if (id !== null)
      await tx
        .update(statuses)
        .set(fields)
        .where(and(eq(statuses.projectId, projectId), eq(statuses.id, id)));
  }
}

/** The stories of the removed statuses (deleted ones too: they keep a status) go to the status named for them. */
async function moveStranded(tx: Tx, log: EventLog, scope: WriteScope, removed: RemovedStatus[]) {
  const targets = new Map(removed.flatMap((r) => (r.movedTo ? [[r.status.id, r.movedTo] as const] : [])));
  if (targets.size === 0) return;
  const rows = await tx
    .select({ story: stories, sprintState: sprints.state })
    .from(stories)
    .leftJoin(sprints, and(eq(sprints.projectId, stories.projectId), eq(sprints.id, stories.sprintId)))
    .where(and(eq(stories.projectId, scope.project.id), inArray(stories.statusId, [...targets.keys()])))
    .orderBy(asc(stories.rank));
  const categories = await statusCategories(tx, scope.project.id);
  for (const { story, sprintState } of rows) {
    const change = afterTransition(story, targets.get(story.statusId)!, categories, sprintState);
    const from = { statusId: story.statusId, accepted: story.accepted, sprintId: story.sprintId };
    const extra = { from, reason: 'workflow' as const };
    await writeStory(tx, log, scope.project, story, { changes: change, type: 'story.transitioned', extra });
  }
}
