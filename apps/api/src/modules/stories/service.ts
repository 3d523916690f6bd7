import { comments, type Db, type Tx } from '@ordo/db';
import { conflict, isDoneCategory, reopenStatus, type UpdateStory } from '@ordo/domain';
import { checkStoryReferences, statusCategory } from '../../lib/story-references';
import type { WriteScope } from '../../lib/scope';
import { writeInProject } from '../events/log';
import { listStatuses } from '../projects/queries';
import { loadStory, toStory } from './queries';
import { statusChange } from './status-change';
import { editStory, writeStory } from './writer';

// The one story write path and the status rules, lent to every module that changes stories.
export {
  changesNothing,
  fieldsBefore,
  insertStories,
  recordCreated,
  recordStory,
  writeStories,
  writeStory,
  writeStoryWithEvents,
} from './writer';
export { statusChange };

/** Loads a live story for a change, refusing deleted ones and stale versions (409 with the current story). */
async function loadForChange(tx: Tx, scope: WriteScope, key: string, version?: number) {
  const row = await loadStory(tx, scope.project, key);
  if (row.deletedAt) throw conflict(`${key} is deleted; restore it first`);
  if (version !== undefined && row.version !== version) {
    throw conflict(`${key} was changed by someone else; reload and try again`, {
      current: toStory(row, scope.project.key),
    });
  }
  return row;
}

export async function updateStory(db: Db, scope: WriteScope, key: string, input: UpdateStory) {
  return writeInProject(db, scope, async (tx, log) => {
    const { version, ...fields } = input;
    const row = await loadForChange(tx, scope, key, version);
    await checkStoryReferences(tx, scope.project.id, fields);
    const moved = fields.statusId !== undefined && fields.statusId !== row.statusId;
    return editStory(tx, log, scope.project, row, {
      fields,
      // A status edit is a board move: it takes back acceptance when leaving done, like the transition route.
      effects: async () => (moved ? statusChange(tx, scope.project.id, row, fields.statusId!) : {}),
      type: moved ? 'story.transitioned' : 'story.updated',
    });
  });
}

export async function setDeleted(db: Db, scope: WriteScope, key: string, deleted: boolean) {
  return writeInProject(db, scope, async (tx, log) => {
    const row = await loadStory(tx, scope.project, key);
    if ((row.deletedAt !== null) === deleted)
      throw conflict(`${key} is ${deleted ? 'deleted' : 'not deleted'} already`);
    const changes = { deletedAt: deleted ? new Date() : null };
    const type = deleted ? 'story.deleted' : 'story.restored';
    return (await writeStory(tx, log, scope.project, row, { changes, type, extra: {} })).story;
  });
}

/** The PO accepts a story the team finished: only one in a done status. */
export async function acceptStory(db: Db, scope: WriteScope, key: string) {
  return writeInProject(db, scope, async (tx, log) => {
    const row = await loadDone(tx, scope, key);
    const changes = { accepted: true };
    return (await writeStory(tx, log, scope.project, row, { changes, type: 'story.accepted', extra: {} }))
      .story;
  });
}

/**
 * A rejected story goes back to the first in-progress status, with the reason kept as a comment; like any
 * story leaving done it loses its acceptance, and out of a closed sprint it returns to the backlog.
 */
export async function rejectStory(db: Db, scope: WriteScope, key: string, reason: string) {
  return writeInProject(db, scope, async (tx, log) => {
    const row = await loadDone(tx, scope, key);
    const reopen = reopenStatus(await listStatuses(tx, scope.project.id));
    const changes = await statusChange(tx, scope.project.id, row, reopen?.id ?? row.statusId);
    const { story } = await writeStory(tx, log, scope.project, row, {
      changes,
      type: 'story.rejected',
      extra: { reason, from: { statusId: row.statusId } },
    });
    await tx.insert(comments).values({
      projectId: scope.project.id,
      storyId: row.id,
      authorId: scope.actor.id,
      authorName: scope.actor.name,
      body: `Rejected: ${reason}`,
    });
    return story;
  });
}

async function loadDone(tx: Tx, scope: WriteScope, key: string) {
  const row = await loadForChange(tx, scope, key);
  if (!isDoneCategory(await statusCategory(tx, scope.project.id, row.statusId)))
    throw conflict(`${key} is not done yet; only done stories are accepted or rejected`);
  return row;
}
