import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { stories, storyLinks, subtasks, type Tx } from '@ordo/db';
import { formatStoryKey, storyNumber, type ImportPlan } from '@ordo/domain';
import type { EventLog } from '../events/log';
import type { StoryRow } from '../stories/queries';
import { fieldsBefore, writeStories } from '../stories/service';
import { countsOutOfDate, SUBTASK_COUNTS } from '../subtasks/queries';

/** Rows per query or INSERT: well under PostgreSQL's 65,535 bind parameters. */
export const BATCH = 500;

/**
 * The project's stories that answer to `keys`: an imported one by its Jira key, one made in Ordo by its own
 * key (so re-importing the project's CSV export finds it). Keyed by the key asked for.
 */
export async function findStories(tx: Tx, project: { id: string; key: string }, keys: string[]) {
  const found = new Map<string, StoryRow>();
  for (let i = 0; i < keys.length; i += BATCH) {
    const slice = keys.slice(i, i + BATCH);
    const own = slice.map((k) => storyNumber(project.key, k)).filter((n): n is number => n !== null);
    const rows = await tx
      .select()
      .from(stories)
      .where(
        and(
          eq(stories.projectId, project.id),
          or(
            and(isNotNull(stories.externalKey), inArray(stories.externalKey, slice)),
            own.length > 0 ? and(isNull(stories.externalKey), inArray(stories.number, own)) : undefined,
          ),
        ),
      );
    // A Jira key wins over an Ordo story's own key that reads the same.
    for (const row of rows) {
      const key = row.externalKey ?? formatStoryKey(project.key, row.number);
      if (row.externalKey || !found.has(key)) found.set(key, row);
    }
  }
  return found;
}

/** `byKey` completed with the stories an earlier import left that sub-tasks and links of this file name. */
async function withEarlier(
  tx: Tx,
  project: { id: string; key: string },
  byKey: Map<string, StoryRow>,
  keys: string[],
) {
  const missing = [...new Set(keys)].filter((k) => !byKey.has(k));
  return new Map([...byKey, ...(await findStories(tx, project, missing))]);
}

/**
 * Sub-tasks under their parent stories. A sub-task has no key of its own in Ordo: on a re-run it is found
 * by its parent and title, and only its state and assignee are brought up to date.
 */
export async function writeSubtasks(
  tx: Tx,
  log: EventLog,
  project: { id: string; key: string },
  plan: ImportPlan,
  byKey: Map<string, StoryRow>,
  advance: (n: number) => void,
) {
  const parents = await withEarlier(
    tx,
    project,
    byKey,
    plan.subtasks.map((s) => s.parentKey),
  );
  const storyIds = [...new Set(plan.subtasks.map((s) => parents.get(s.parentKey)?.id))].filter(
    (id): id is string => !!id,
  );
  const existing = new Map<string, typeof subtasks.$inferSelect>();
  for (let i = 0; i < storyIds.length; i += BATCH) {
    const rows = await tx
      .select()
      .from(subtasks)
      .where(
        and(eq(subtasks.projectId, project.id), inArray(subtasks.storyId, storyIds.slice(i, i + BATCH))),
      );
    for (const row of rows) existing.set(`${row.storyId}|${row.title}`, row);
  }
  let changed = 0;
  const fresh: (typeof subtasks.$inferInsert)[] = [];
  for (const planned of plan.subtasks) {
    const storyId = parents.get(planned.parentKey)?.id;
    if (!storyId) continue;
    const row = existing.get(`${storyId}|${planned.title}`);
    const values = { done: planned.done, assigneeId: planned.assigneeId };
    if (!row) {
      fresh.push({ projectId: project.id, storyId, title: planned.title, ...values });
      existing.set(`${storyId}|${planned.title}`, { ...values } as typeof subtasks.$inferSelect);
    } else if (row.done !== values.done || row.assigneeId !== values.assigneeId) {
      await tx
        .update(subtasks)
        .set(values)
        .where(and(eq(subtasks.projectId, project.id), eq(subtasks.id, row.id)));
      changed++;
    }
  }
  for (let start = 0; start < fresh.length; start += BATCH)
    await tx.insert(subtasks).values(fresh.slice(start, start + BATCH));
  await recount(tx, log, project, parents, storyIds);
  advance(plan.subtasks.length);
  return changed + fresh.length;
}

/**
 * The parents' `n/m` (what lists show), as the sub-task routes keep them: through the story writer, so each
 * story whose counts change gets its event (live lists update, the history tells), and only those (a re-run
 * of the same file writes nothing). The version stays: sub-tasks are no edit of the story's fields.
 */
async function recount(
  tx: Tx,
  log: EventLog,
  project: { id: string; key: string },
  parents: Map<string, StoryRow>,
  storyIds: string[],
) {
  const before = new Map([...parents.values()].map((row) => [row.id, row]));
  for (let i = 0; i < storyIds.length; i += BATCH)
    await writeStories(tx, log, project, {
      which: and(inArray(stories.id, storyIds.slice(i, i + BATCH)), countsOutOfDate),
      changes: SUBTASK_COUNTS,
      type: 'story.updated',
      extra: (saved) => ({ from: fieldsBefore(before.get(saved.id)!, SUBTASK_COUNTS) }),
      keepVersion: true,
    });
}

/** Issue links between stories of the project; one already there (same ends, same type) is left alone. */
export async function writeLinks(
  tx: Tx,
  project: { id: string; key: string },
  plan: ImportPlan,
  byKey: Map<string, StoryRow>,
  advance: (n: number) => void,
) {
  const ends = await withEarlier(
    tx,
    project,
    byKey,
    plan.links.flatMap((l) => [l.from, l.to]),
  );
  const values = plan.links.flatMap((link) => {
    const from = ends.get(link.from)?.id;
    const to = ends.get(link.to)?.id;
    return from && to
      ? [
          {
            projectId: project.id,
            fromStoryId: from,
            toProjectId: project.id,
            toStoryId: to,
            type: link.type,
          },
        ]
      : [];
  });
  let added = 0;
  for (let start = 0; start < values.length; start += BATCH) {
    const rows = await tx
      .insert(storyLinks)
      .values(values.slice(start, start + BATCH))
      .onConflictDoNothing()
      .returning({ id: storyLinks.id });
    added += rows.length;
  }
  advance(plan.links.length);
  return added;
}
