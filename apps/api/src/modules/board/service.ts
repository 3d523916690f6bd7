import type { Db } from '@ordo/db';
import { conflict } from '@ordo/domain';
import { writeInProject } from '../events/log';
import { loadStory, toStory } from '../stories/queries';
import { checkStoryReferences } from '../../lib/story-references';
import type { WriteScope } from '../../lib/scope';
import { changesNothing, statusChange, writeStory } from '../stories/service';

/** Moves a card across the board. WIP limits are soft: an over-full column is flagged, never refused. */
export async function transitionStory(db: Db, scope: WriteScope, key: string, statusId: string) {
  return writeInProject(db, scope, async (tx, log) => {
    const row = await loadStory(tx, scope.project, key);
    if (row.deletedAt) throw conflict(`${key} is deleted; restore it first`);
    await checkStoryReferences(tx, scope.project.id, { statusId });
    if (changesNothing(row, { statusId })) return toStory(row, scope.project.key);
    const changes = await statusChange(tx, scope.project.id, row, statusId);
    const from = { statusId: row.statusId, accepted: row.accepted, sprintId: row.sprintId };
    const type = 'story.transitioned';
    return (await writeStory(tx, log, scope.project, row, { changes, type, extra: { from } })).story;
  });
}
