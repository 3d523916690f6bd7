import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  comments,
  epics,
  members,
  projects,
  sprints,
  statuses,
  stories,
  users,
  type Db,
  type Tx,
} from '@ordo/db';
import {
  formatStoryKey,
  planImport,
  ranksBetween,
  type ImportContext,
  type ImportMapping,
  type ImportPlan,
  type JiraIssue,
  type PlannedStory,
} from '@ordo/domain';
import { lastRank } from '../../lib/ranked-rows';
import { productIdOf } from '../../lib/product-of';
import { toEpic } from '../epics/queries';
import type { EventLog } from '../events/log';
import { toSprint } from '../sprints/queries';
import type { StoryRow } from '../stories/queries';
import { fieldsBefore, insertStories, recordCreated, writeStory } from '../stories/service';
import { BATCH, findStories, writeLinks, writeSubtasks } from './write-related';

export type Progress = (done: number, total: number) => void;

/** What the plan needs to know of the project: its workflow, members, and what an earlier import left. */
export async function loadContext(
  db: Db | Tx,
  project: { id: string; key: string },
  mapping: ImportMapping | undefined,
): Promise<ImportContext> {
  // One after another: inside the import's transaction they share one connection.
  const workflow = await db
    .select()
    .from(statuses)
    .where(eq(statuses.projectId, project.id))
    .orderBy(asc(statuses.position));
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.projectId, project.id));
  const imported = await db
    .select({ key: stories.externalKey, number: stories.number })
    .from(stories)
    .where(and(eq(stories.projectId, project.id), isNotNull(stories.externalKey)));
  const others = await db
    .select({ number: stories.number })
    .from(stories)
    .where(and(eq(stories.projectId, project.id), isNull(stories.externalKey)));
  const existingSprints = await db
    .select({ name: sprints.name, state: sprints.state })
    .from(sprints)
    .where(eq(sprints.projectId, project.id));
  return {
    projectKey: project.key,
    statuses: workflow,
    members: people,
    // A story made in Ordo answers to its own key: re-importing the project's CSV export updates it.
    existingStories: new Map([
      ...others.map((s): [string, { number: number }] => [
        formatStoryKey(project.key, s.number),
        { number: s.number },
      ]),
      ...imported.map((s): [string, { number: number }] => [s.key!, { number: s.number }]),
    ]),
    takenNumbers: new Set(others.map((s) => s.number)),
    existingSprints: new Map(existingSprints.map((s) => [s.name, { state: s.state }])),
    ...(mapping ? { overrides: mapping } : {}),
    now: new Date().toISOString(),
  };
}

export const planOf = async (
  db: Db | Tx,
  project: { id: string; key: string },
  issues: JiraIssue[],
  mapping?: ImportMapping,
) => planImport(issues, await loadContext(db, project, mapping));

const at = (iso: string | null) => (iso ? new Date(iso) : undefined);

/** The story columns an import sets, for a new row and for comparing with an imported one. */
function storyColumns(
  planned: PlannedStory,
  ids: { sprint: Map<string, string>; epic: Map<string, string> },
) {
  return {
    type: planned.type,
    title: planned.title,
    description: planned.description,
    points: planned.points,
    labels: planned.labels,
    epicId: planned.epicKey ? (ids.epic.get(planned.epicKey) ?? null) : null,
    sprintId: planned.sprintName ? (ids.sprint.get(planned.sprintName) ?? null) : null,
    spilledFrom: planned.spilledFrom.map((name) => ids.sprint.get(name)).filter((id): id is string => !!id),
    statusId: planned.statusId,
    assigneeId: planned.assigneeId,
    assigneeName: planned.assigneeName,
    reporterName: planned.reporterName,
    resolution: planned.resolution,
    resolvedAt: at(planned.resolvedAt) ?? null,
    dueDate: planned.dueDate,
  };
}
type StoryColumns = ReturnType<typeof storyColumns>;

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
    : JSON.stringify(a) === JSON.stringify(b);

/** The fields of an imported story that this run changes (none on a re-run of the same file). */
function changedColumns(row: StoryRow, next: StoryColumns): Partial<StoryColumns> {
  return Object.fromEntries(
    Object.entries(next).filter(([field, value]) => !same(row[field as keyof StoryRow], value)),
  );
}

/**
 * Writes a plan inside the caller's project transaction: epics, sprints, stories (new ones at the bottom of
 * the backlog in Jira's rank order, earlier imports updated in place), then comments, sub-tasks and issue
 * links, in batches, reporting
 * progress after each. Each story gets its event, as any other write.
 */
export async function writePlan(
  tx: Tx,
  project: { id: string; key: string },
  log: EventLog,
  plan: ImportPlan,
  progress: Progress,
) {
  const total =
    plan.epics.length +
    plan.sprints.length +
    plan.stories.length +
    plan.comments.length +
    plan.subtasks.length +
    plan.links.length;
  let done = 0;
  const advance = (n: number) => progress((done += n), total);

  const epicIds = await writeEpics(tx, project.id, log, plan);
  advance(plan.epics.length);
  const sprintIds = await writeSprints(tx, project.id, log, plan);
  advance(plan.sprints.length);
  const ids = { sprint: sprintIds.ids, epic: epicIds.ids };
  const epicsAndSprints = { changed: epicIds.changed + sprintIds.changed };
  let changed = 0;

  // Only those the plan found in the project (read under the same lock): a first import asks for none.
  const existing = await findStories(
    tx,
    project,
    plan.stories.filter((s) => s.existing).map((s) => s.externalKey),
  );
  const fresh = plan.stories.filter((s) => !existing.has(s.externalKey));
  for (const planned of plan.stories) {
    const row = existing.get(planned.externalKey);
    if (!row) continue;
    const changes = changedColumns(row, storyColumns(planned, ids));
    if (Object.keys(changes).length === 0) continue;
    changed++;
    const extra = { from: fieldsBefore(row, changes) };
    const saved = await writeStory(tx, log, project, row, { changes, type: 'story.updated', extra });
    existing.set(planned.externalKey, saved.row);
  }
  advance(plan.stories.length - fresh.length);

  const numbers = await reserveNumbers(tx, project.id, fresh);
  const ranks =
    fresh.length > 0 ? ranksBetween(await lastRank(tx, stories, project.id), null, fresh.length) : [];
  const insertBatch = (start: number) => {
    const values = fresh.slice(start, start + BATCH).map((planned, i) => ({
      ...storyColumns(planned, ids),
      projectId: project.id,
      number: numbers[start + i]!,
      rank: ranks[start + i]!,
      externalKey: planned.externalKey,
      createdBy: planned.reporterId,
      // Left undefined, a time takes its default (`insertStories`).
      createdAt: at(planned.createdAt),
      updatedAt: at(planned.updatedAt),
    }));
    const inserted = insertStories(tx, values);
    // Awaited in its turn; one still queued when an earlier batch fails must not go unhandled.
    inserted.catch(() => {});
    return inserted;
  };
  // Each batch is built and sent before the one ahead of it is awaited and logged: the statements queue
  // on the transaction's connection, in order, and PostgreSQL inserts one while Node builds the next.
  let next = fresh.length > 0 ? insertBatch(0) : undefined;
  for (let start = 0; next; start += BATCH) {
    const current = next;
    next = start + BATCH < fresh.length ? insertBatch(start + BATCH) : undefined;
    const rows = await current;
    for (const row of rows) existing.set(row.externalKey!, row);
    recordCreated(log, project, rows);
    advance(rows.length);
  }

  const added =
    (await writeComments(tx, project.id, plan, existing, advance)) +
    (await writeSubtasks(tx, log, project, plan, existing, advance)) +
    (await writeLinks(tx, project, plan, existing, advance));
  return { changed: changed + fresh.length + added + epicsAndSprints.changed };
}

/** Kept Jira numbers as planned, the rest after the project's last number; the counter ends past both. */
async function reserveNumbers(tx: Tx, projectId: string, fresh: PlannedStory[]) {
  const kept = fresh.map((s) => s.number).filter((n): n is number => n !== null);
  const needed = fresh.length - kept.length;
  const [row] = await tx
    .select({ last: projects.lastStoryNumber })
    .from(projects)
    .where(eq(projects.id, projectId));
  const keptSet = new Set(kept);
  let next = Math.max(row!.last, ...kept, 0);
  const numbers = fresh.map((s) => s.number ?? 0);
  for (let i = 0; i < numbers.length && needed > 0; i++) {
    if (numbers[i] !== 0) continue;
    do next++;
    while (keptSet.has(next));
    numbers[i] = next;
  }
  await tx
    .update(projects)
    .set({ lastStoryNumber: sql`greatest(${projects.lastStoryNumber}, ${Math.max(next, ...kept, 0)})` })
    .where(eq(projects.id, projectId));
  return numbers;
}

/** Epics are the product's: an imported epic is found, and lands, on the roadmap of the project's product. */
async function writeEpics(tx: Tx, projectId: string, log: EventLog, plan: ImportPlan) {
  const productId = await productIdOf(tx, projectId);
  const ids = new Map<string, string>();
  let changed = 0;
  const rows = await tx
    .select()
    .from(epics)
    .where(and(eq(epics.productId, productId), isNotNull(epics.externalKey)));
  const byKey = new Map(rows.map((r) => [r.externalKey!, r]));
  // An epic made in Ordo, exported and imported again, is found by its title and keeps the key it came with.
  const unkeyed = await tx
    .select()
    .from(epics)
    .where(and(eq(epics.productId, productId), isNull(epics.externalKey)));
  for (const planned of plan.epics) {
    const match =
      !byKey.has(planned.externalKey) && unkeyed.find((e) => e.title === planned.title && !e.externalKey);
    if (!match) continue;
    match.externalKey = planned.externalKey;
    await tx
      .update(epics)
      .set({ externalKey: planned.externalKey })
      .where(and(eq(epics.productId, productId), eq(epics.id, match.id)));
    byKey.set(planned.externalKey, match);
  }
  const fresh = plan.epics.filter((e) => !byKey.has(e.externalKey));
  const ranks =
    fresh.length > 0 ? ranksBetween(await lastRank(tx, epics, productId), null, fresh.length) : [];
  for (const planned of plan.epics) {
    const row = byKey.get(planned.externalKey);
    if (!row) continue;
    ids.set(planned.externalKey, row.id);
    if (row.title === planned.title && row.outcome === planned.outcome && row.status === planned.status)
      continue;
    const [saved] = await tx
      .update(epics)
      .set({ title: planned.title, outcome: planned.outcome, status: planned.status })
      .where(and(eq(epics.productId, productId), eq(epics.id, row.id)))
      .returning();
    log.append('epic.updated', { epic: toEpic(saved!) });
    changed++;
  }
  for (let start = 0; start < fresh.length; start += BATCH) {
    const values = fresh.slice(start, start + BATCH).map((e, i) => ({
      productId,
      externalKey: e.externalKey,
      title: e.title,
      outcome: e.outcome,
      status: e.status,
      rank: ranks[start + i]!,
      ...(e.createdAt ? { createdAt: new Date(e.createdAt) } : {}),
    }));
    for (const row of await tx.insert(epics).values(values).returning()) {
      ids.set(row.externalKey!, row.id);
      log.append('epic.created', { epic: toEpic(row) });
      changed++;
    }
  }
  // An Epic Link to an epic imported earlier (not in this file) still finds it.
  for (const [key, row] of byKey) if (!ids.has(key)) ids.set(key, row.id);
  return { ids, changed };
}

/** New sprints by name; a sprint of the same name already in the project is left as it is. */
async function writeSprints(tx: Tx, projectId: string, log: EventLog, plan: ImportPlan) {
  const rows = await tx.select().from(sprints).where(eq(sprints.projectId, projectId));
  const ids = new Map(rows.map((r) => [r.name, r.id]));
  const fresh = plan.sprints.filter((s) => !ids.has(s.name));
  if (fresh.length === 0) return { ids, changed: 0 };
  const values = fresh.map((s) => ({
    projectId,
    name: s.name,
    state: s.state,
    startDate: s.startDate,
    endDate: s.endDate,
    committedPoints: s.committedPoints,
    completedPoints: s.completedPoints,
    startedAt: s.state === 'planned' ? null : at(s.startDate ? `${s.startDate}T00:00:00.000Z` : null),
    completedAt: at(s.completedAt) ?? null,
    // Sprint lists are in creation order: imported sprints take their start, so they list as they ran.
    ...(s.startDate ? { createdAt: new Date(`${s.startDate}T00:00:00.000Z`) } : {}),
  }));
  for (const row of await tx.insert(sprints).values(values).returning()) {
    ids.set(row.name, row.id);
    log.append('sprint.created', { sprint: toSprint(row) });
  }
  return { ids, changed: fresh.length };
}

/** Comments with their author and date; one already there (same story, time and text) is not added again. */
async function writeComments(
  tx: Tx,
  projectId: string,
  plan: ImportPlan,
  byKey: Map<string, StoryRow>,
  advance: (n: number) => void,
) {
  // Only stories that were there before can have comments already: this import adds the others' now.
  const earlier = new Set(plan.stories.filter((s) => s.existing).map((s) => s.externalKey));
  const storyIds = [
    ...new Set(
      plan.comments
        .filter((c) => earlier.has(c.storyKey))
        .map((c) => byKey.get(c.storyKey)?.id)
        .filter((id): id is string => !!id),
    ),
  ];
  const seen = new Set<string>();
  for (let i = 0; i < storyIds.length; i += BATCH) {
    const rows = await tx
      .select({ storyId: comments.storyId, createdAt: comments.createdAt, body: comments.body })
      .from(comments)
      .where(and(eq(comments.projectId, projectId), inArray(comments.storyId, storyIds.slice(i, i + BATCH))));
    for (const row of rows) seen.add(`${row.storyId}|${row.createdAt.toISOString()}|${row.body}`);
  }
  const values = plan.comments.flatMap((c) => {
    const storyId = byKey.get(c.storyKey)?.id;
    const id = `${storyId}|${new Date(c.at).toISOString()}|${c.body}`;
    if (!storyId || seen.has(id)) return [];
    seen.add(id);
    return [
      {
        projectId,
        storyId,
        authorId: c.authorId,
        authorName: c.authorName,
        body: c.body,
        createdAt: new Date(c.at),
      },
    ];
  });
  advance(plan.comments.length - values.length);
  for (let start = 0; start < values.length; start += BATCH) {
    await tx.insert(comments).values(values.slice(start, start + BATCH));
    advance(Math.min(BATCH, values.length - start));
  }
  return values.length;
}
