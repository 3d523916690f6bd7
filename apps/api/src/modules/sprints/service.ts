import { and, eq, inArray, sql } from 'drizzle-orm';
import { sprints, stories, type Db, type Tx } from '@ordo/db';
import {
  assertOpen,
  checkCarryOverTarget,
  checkComplete,
  checkPlannable,
  checkSprintDates,
  checkSprintEdit,
  isReviewNotesOnly,
  checkStart,
  completionOf,
  DomainError,
  invalid,
  storyNumber,
  sumPoints,
  type CompleteSprint,
  type CreateSprint,
  type UpdateSprint,
} from '@ordo/domain';
import { writeInProject, type EventLog } from '../events/log';
import { loadStory, toStory, type StoryRow } from '../stories/queries';
import { writeStories } from '../stories/service';
import type { WriteScope } from '../../lib/scope';
import { statusCategories } from '../../lib/status-categories';
import {
  findActiveSprint,
  findSprint,
  loadSprint,
  sprintDetail,
  storiesInSprint,
  toSprint,
  type SprintRow,
} from './queries';

async function saveSprint(tx: Tx, sprint: SprintRow, changes: Partial<typeof sprints.$inferInsert>) {
  const [row] = await tx
    .update(sprints)
    .set(changes)
    .where(and(eq(sprints.projectId, sprint.projectId), eq(sprints.id, sprint.id)))
    .returning();
  return row!;
}

type SprintEvent = 'sprint.created' | 'sprint.updated' | 'sprint.started' | 'sprint.completed';

function recordSprint(log: EventLog, type: SprintEvent, row: SprintRow, extra = {}) {
  const sprint = toSprint(row);
  log.append(type, { sprint, ...extra });
  return sprint;
}

export async function createSprint(db: Db, scope: WriteScope, input: CreateSprint) {
  return writeInProject(db, scope, async (tx, log) => {
    const dates = { startDate: input.startDate ?? null, endDate: input.endDate ?? null };
    checkSprintDates(dates);
    const [row] = await tx
      .insert(sprints)
      .values({ projectId: scope.project.id, name: input.name, goal: input.goal ?? '', ...dates })
      .returning();
    return recordSprint(log, 'sprint.created', row!);
  });
}

/** Name, goal, dates and the review notes, while the sprint is not closed; after, the review notes only. */
export async function updateSprint(db: Db, scope: WriteScope, id: string, changes: UpdateSprint) {
  return writeInProject(db, scope, async (tx, log) => {
    const row = await loadSprint(tx, scope.project.id, id);
    const isReviewOfClosed = row.state === 'closed' && isReviewNotesOnly(changes);
    if (!isReviewOfClosed) {
      checkSprintEdit(row, {
        startDate: changes.startDate === undefined ? row.startDate : changes.startDate,
        endDate: changes.endDate === undefined ? row.endDate : changes.endDate,
      });
    }
    const from = Object.fromEntries(Object.keys(changes).map((f) => [f, row[f as keyof UpdateSprint]]));
    return recordSprint(log, 'sprint.updated', await saveSprint(tx, row, changes), { from });
  });
}

/**
 * Sprint planning: pulls stories into a planned or running sprint (into a running one it is a scope change).
 * Under the project lock each story's sprint is read afresh, so of two plans racing for one story exactly
 * one wins and the other is refused.
 */
export async function planStories(db: Db, scope: WriteScope, sprintId: string, keys: string[]) {
  return writeInProject(db, scope, async (tx, log) => {
    const sprint = await loadSprint(tx, scope.project.id, sprintId);
    assertOpen(sprint);
    const rows = await storiesByKey(tx, scope.project, keys);
    const current = await sprintsOf(tx, scope.project.id, rows);
    const pulled = rows.filter((r) =>
      checkPlannable(keyOf(scope, r), sprint, current.get(r.sprintId ?? '') ?? null),
    );
    await moveStories(tx, log, scope, pulled, {
      sprintId: sprint.id,
      type: 'sprint.story_added',
      scopeChange: sprint.state === 'active',
    });
    return sprintDetail(tx, scope.project, sprint);
  });
}

/** Takes a story out of a planned or running sprint, back to the backlog at its rank. */
export async function unplanStory(db: Db, scope: WriteScope, sprintId: string, key: string) {
  return writeInProject(db, scope, async (tx, log) => {
    const sprint = await loadSprint(tx, scope.project.id, sprintId);
    assertOpen(sprint);
    const story = await loadStory(tx, scope.project, key);
    if (story.sprintId !== sprint.id || story.deletedAt)
      throw new DomainError('not_found', `${key} is not in this sprint`);
    await moveStories(tx, log, scope, [story], {
      sprintId: null,
      type: 'sprint.story_removed',
      scopeChange: sprint.state === 'active',
      from: sprint.id,
    });
    return sprintDetail(tx, scope.project, sprint);
  });
}

/** planned → active: snapshots the committed points. */
export async function startSprint(db: Db, scope: WriteScope, id: string) {
  return writeInProject(db, scope, async (tx, log) => {
    const row = await loadSprint(tx, scope.project.id, id);
    checkStart(row, await findActiveSprint(tx, scope.project.id));
    const committed = await storiesInSprint(tx, scope.project.id, id);
    const committedPoints = sumPoints(committed);
    const started = await saveSprint(tx, row, { state: 'active', startedAt: new Date(), committedPoints });
    return recordSprint(log, 'sprint.started', started, { stories: committed.map((s) => keyOf(scope, s)) });
  });
}

/**
 * active → closed: records the completed points and moves every unfinished story on, to the top of the
 * backlog or into a planned sprint. The `sprint.completed` event comes before the moves: the sprint's
 * record (burndown, report) ends there.
 */
export async function completeSprint(db: Db, scope: WriteScope, id: string, { moveOpenTo }: CompleteSprint) {
  return writeInProject(db, scope, async (tx, log) => {
    const row = await loadSprint(tx, scope.project.id, id);
    checkComplete(row);
    const target =
      moveOpenTo === 'backlog' ? null : await carryOverTarget(tx, scope.project.id, row, moveOpenTo);
    const inSprint = await storiesInSprint(tx, scope.project.id, id);
    const to = target ? { sprintId: target.id } : { backlogAbove: await firstRank(tx, scope.project.id) };
    const { completedPoints, carriedOver } = completionOf(
      id,
      inSprint,
      await statusCategories(tx, scope.project.id),
      to,
    );
    const closed = await saveSprint(tx, row, { state: 'closed', completedAt: new Date(), completedPoints });
    const sprint = recordSprint(log, 'sprint.completed', closed, {
      moveOpenTo,
      carriedOver: carriedOver.length,
    });
    const type = target ? 'sprint.story_added' : 'sprint.story_removed';
    const extra = { sprintId: target?.id ?? id, from: id, reason: 'carried_over' as const };
    for (const { id: storyId, ...changes } of carriedOver) {
      await writeStories(tx, log, scope.project, {
        which: eq(stories.id, storyId),
        changes,
        type,
        extra: () => extra,
      });
    }
    return sprint;
  });
}

async function carryOverTarget(tx: Tx, projectId: string, completing: SprintRow, targetId: string) {
  const target = await findSprint(tx, projectId, targetId);
  if (!target) throw invalid('moveOpenTo', 'is not a sprint of this project');
  checkCarryOverTarget(completing, target);
  return target;
}

/** The lowest rank in the project: the top of the backlog is just above it (ranks are unique project-wide). */
async function firstRank(tx: Tx, projectId: string) {
  const [row] = await tx
    .select({ rank: sql<string | null>`min(${stories.rank})` })
    .from(stories)
    .where(eq(stories.projectId, projectId));
  return row?.rank ?? null;
}

const keyOf = (scope: WriteScope, row: StoryRow) => toStory(row, scope.project.key).key;

/** The stories named in a plan, all of this project and not deleted, or a 400 naming the first that is not. */
async function storiesByKey(tx: Tx, project: { id: string; key: string }, keys: string[]) {
  const numbers = keys.map((key) => storyNumber(project.key, key) ?? 0);
  const rows = await tx
    .select()
    .from(stories)
    .where(and(eq(stories.projectId, project.id), inArray(stories.number, numbers)));
  const live = new Map(rows.filter((r) => !r.deletedAt).map((r) => [r.number, r]));
  const missing = keys.find((_, i) => !live.has(numbers[i]!));
  if (missing) throw invalid('stories', `${missing} is not a story of this project`);
  return [...live.values()];
}

/** The sprints the given stories are in now, by id. */
async function sprintsOf(tx: Tx, projectId: string, rows: StoryRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.sprintId ? [r.sprintId] : [])))];
  if (ids.length === 0) return new Map<string, SprintRow>();
  const found = await tx
    .select()
    .from(sprints)
    .where(and(eq(sprints.projectId, projectId), inArray(sprints.id, ids)));
  return new Map(found.map((s) => [s.id, s]));
}

/**
 * Puts stories into a sprint (or none, `from` the one they leave), one statement whatever their number;
 * they keep their rank. Each is logged, in rank order.
 */
async function moveStories(
  tx: Tx,
  log: EventLog,
  scope: WriteScope,
  rows: StoryRow[],
  move: {
    sprintId: string | null;
    type: 'sprint.story_added' | 'sprint.story_removed';
    scopeChange: boolean;
    from?: string;
  },
) {
  if (rows.length === 0) return;
  const { sprintId, type, scopeChange, from } = move;
  await writeStories(tx, log, scope.project, {
    which: inArray(
      stories.id,
      rows.map((r) => r.id),
    ),
    changes: { sprintId },
    type,
    extra: () => ({ sprintId: sprintId ?? from!, scopeChange }),
  });
}
