import { eq } from 'drizzle-orm';
import { comments, stories, type Db, type Tx } from '@ordo/db';
import { conflict, type UpdateStory } from '@ordo/domain';
import { statusChange } from './status-change';

/** The board moves cards with the same status rules as an edit or a rejection. */
export { statusChange } from './status-change';
import { writeInProject, type Actor, type EventLog } from '../events/log';
import { loadStory, toStory, type StoryRow } from './queries';
import { checkStoryReferences, firstStatusOf, statusCategory } from '../../lib/story-references';

export interface StoryScope {
  project: { id: string; key: string };
  actor: Actor;
}
const writeScope = (scope: StoryScope) => ({ projectId: scope.project.id, actor: scope.actor });

export function recordStory(
  log: EventLog,
  type: Parameters<EventLog['append']>[0],
  row: StoryRow,
  projectKey: string,
  extra = {},
) {
  const story = toStory(row, projectKey);
  log.append(type, { story, ...extra }, { storyId: row.id });
  return story;
}

/** Loads a live story for a change, refusing deleted ones and stale versions (409 with the current story). */
async function loadForChange(tx: Tx, scope: StoryScope, key: string, version?: number) {
  const row = await loadStory(tx, scope.project, key);
  if (row.deletedAt) throw conflict(`${key} is deleted; restore it first`);
  if (version !== undefined && row.version !== version) {
    throw conflict(`${key} was changed by someone else; reload and try again`, {
      current: toStory(row, scope.project.key),
    });
  }
  return row;
}

export async function saveStory(tx: Tx, row: StoryRow, changes: Partial<typeof stories.$inferInsert>) {
  const [saved] = await tx
    .update(stories)
    .set({ ...changes, version: row.version + 1, updatedAt: new Date() })
    .where(eq(stories.id, row.id))
    .returning();
  return saved!;
}

/** JSON with sorted keys, so a jsonb value read back (keys reordered) compares equal to the one sent. */
const canonical = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** Whether every field of an edit already holds the value sent. */
export function changesNothing(row: StoryRow, changes: Record<string, unknown>) {
  return Object.entries(changes).every(
    ([field, value]) => value === undefined || canonical(value) === canonical(row[field as keyof StoryRow]),
  );
}

export async function updateStory(db: Db, scope: StoryScope, key: string, input: UpdateStory) {
  return writeInProject(db, writeScope(scope), async (tx, log) => {
    const { version, ...changes } = input;
    const row = await loadForChange(tx, scope, key, version);
    await checkStoryReferences(tx, scope.project.id, changes);
    // An edit that changes nothing writes nothing: no new version (others would get a needless 409), no event.
    if (changesNothing(row, changes)) return toStory(row, scope.project.key);
    const moved = changes.statusId !== undefined && changes.statusId !== row.statusId;
    // A status edit is a board move: it takes back acceptance when leaving done, like the transition route.
    const statusEffects = moved ? await statusChange(tx, scope.project.id, row, changes.statusId!) : {};
    const saved = await saveStory(tx, row, { ...changes, ...statusEffects });
    const from = Object.fromEntries(Object.keys(changes).map((f) => [f, row[f as keyof StoryRow]]));
    return recordStory(log, moved ? 'story.transitioned' : 'story.updated', saved, scope.project.key, {
      from,
    });
  });
}

export async function setDeleted(db: Db, scope: StoryScope, key: string, deleted: boolean) {
  return writeInProject(db, writeScope(scope), async (tx, log) => {
    const row = await loadStory(tx, scope.project, key);
    if ((row.deletedAt !== null) === deleted)
      throw conflict(`${key} is ${deleted ? 'deleted' : 'not deleted'} already`);
    const saved = await saveStory(tx, row, { deletedAt: deleted ? new Date() : null });
    return recordStory(log, deleted ? 'story.deleted' : 'story.restored', saved, scope.project.key);
  });
}

/** The PO accepts a story the team finished: only one in a done status. */
export async function acceptStory(db: Db, scope: StoryScope, key: string) {
  return writeInProject(db, writeScope(scope), async (tx, log) => {
    const row = await loadDone(tx, scope, key);
    const saved = await saveStory(tx, row, { accepted: true });
    return recordStory(log, 'story.accepted', saved, scope.project.key);
  });
}

/**
 * A rejected story goes back to the first in-progress status, with the reason kept as a comment; like any
 * story leaving done it loses its acceptance, and out of a closed sprint it returns to the backlog.
 */
export async function rejectStory(db: Db, scope: StoryScope, key: string, reason: string) {
  return writeInProject(db, writeScope(scope), async (tx, log) => {
    const row = await loadDone(tx, scope, key);
    const reopen =
      (await firstStatusOf(tx, scope.project.id, 'in_progress')) ??
      (await firstStatusOf(tx, scope.project.id, 'todo'));
    const saved = await saveStory(
      tx,
      row,
      await statusChange(tx, scope.project.id, row, reopen?.id ?? row.statusId),
    );
    await tx.insert(comments).values({
      projectId: scope.project.id,
      storyId: row.id,
      authorId: scope.actor.id,
      authorName: scope.actor.name,
      body: `Rejected: ${reason}`,
    });
    return recordStory(log, 'story.rejected', saved, scope.project.key, {
      reason,
      from: { statusId: row.statusId },
    });
  });
}

async function loadDone(tx: Tx, scope: StoryScope, key: string) {
  const row = await loadForChange(tx, scope, key);
  if ((await statusCategory(tx, row.statusId)) !== 'done')
    throw conflict(`${key} is not done yet; only done stories are accepted or rejected`);
  return row;
}
