import { lastClosed } from './velocity';
import { daysBetween } from './dates';
import { isDoneCategory } from './workflow';
import { conflict, invalid } from './errors';
import { ranksBetween, compareRanks, type Rank } from './rank';
import type { StatusCategory } from './schemas/project';
import type { SprintState } from './schemas/sprint';

/** A sprint lasts at most 4 weeks: its end date is 1 to 28 days after its start date. */
export const MAX_SPRINT_DAYS = 28;

export interface SprintDates {
  startDate: string | null;
  endDate: string | null;
}
interface SprintRef {
  id: string;
  name: string;
  state: SprintState;
}
export type StatusCategories = ReadonlyMap<string, StatusCategory>;

/** Dates may be left open while planning; once both are set the sprint must end 1 day to 4 weeks after it starts. */
export function checkSprintDates({ startDate, endDate }: SprintDates): void {
  if (startDate === null || endDate === null) return;
  const length = daysBetween(startDate, endDate);
  if (length < 1) throw invalid('endDate', 'must be after startDate');
  if (length > MAX_SPRINT_DAYS) {
    throw invalid('endDate', `must be at most 4 weeks (${MAX_SPRINT_DAYS} days) after startDate`);
  }
}

/** A closed sprint is the team's record of what happened: nothing about it changes any more. */
export function assertOpen(sprint: SprintRef): void {
  if (sprint.state === 'closed') throw conflict(`Sprint "${sprint.name}" is closed and read-only`);
}

/** An edit of a sprint that is not closed; a running sprint keeps both its dates. */
/** A closed sprint is read-only except its review notes: the review happens once the sprint is over. */
export const isReviewNotesOnly = (changes: object) =>
  Object.entries(changes).every(([field, value]) => value === undefined || field === 'reviewNotes');

export function checkSprintEdit(sprint: SprintRef, dates: SprintDates): void {
  assertOpen(sprint);
  if (sprint.state === 'active') {
    if (dates.startDate === null) throw invalid('startDate', 'a running sprint keeps its start date');
    if (dates.endDate === null) throw invalid('endDate', 'a running sprint keeps its end date');
  }
  checkSprintDates(dates);
}

/** planned → active: needs its dates, and no other sprint may be running. */
export function checkStart(sprint: SprintRef & SprintDates, active: SprintRef | undefined): void {
  assertOpen(sprint);
  if (sprint.state === 'active') throw conflict(`Sprint "${sprint.name}" has already started`);
  if (active) {
    throw conflict(`Sprint "${active.name}" is still active: complete it first`, {
      activeSprintId: active.id,
    });
  }
  if (sprint.startDate === null) throw invalid('startDate', 'a sprint needs a start date before it starts');
  if (sprint.endDate === null) throw invalid('endDate', 'a sprint needs an end date before it starts');
  checkSprintDates(sprint);
}

/** active → closed. */
export function checkComplete(sprint: SprintRef): void {
  assertOpen(sprint);
  if (sprint.state === 'planned') throw conflict(`Sprint "${sprint.name}" has not started yet`);
}

/** Where the unfinished stories of a completing sprint may go: a planned sprint, never a running or closed one. */
export function checkCarryOverTarget(completing: SprintRef, target: SprintRef): void {
  assertOpen(target);
  if (target.id === completing.id || target.state !== 'planned') {
    throw invalid('moveOpenTo', 'must be "backlog" or the id of a planned sprint');
  }
}

/**
 * Whether a story may be pulled into `sprint`: a story sits in at most one open sprint, and a story completed
 * in a closed sprint stays part of that sprint's record. Returns false when it is already in this sprint.
 */
export function checkPlannable(storyKey: string, sprint: SprintRef, current: SprintRef | null): boolean {
  if (current === null) return true;
  if (current.id === sprint.id) return false;
  if (current.state === 'closed') throw conflict(`${storyKey} was completed in sprint "${current.name}"`);
  throw conflict(`${storyKey} is already in sprint "${current.name}": remove it from there first`, {
    story: storyKey,
    sprintId: current.id,
  });
}

export const sumPoints = (stories: readonly { points: number | null }[]): number =>
  stories.reduce((sum, s) => sum + (s.points ?? 0), 0);

export const isDone = (statusId: string, categories: StatusCategories): boolean =>
  isDoneCategory(categories.get(statusId));

interface SprintStory {
  id: string;
  points: number | null;
  statusId: string;
  rank: Rank;
  spilledFrom: readonly string[];
}
export interface CarriedOver {
  id: string;
  sprintId: string | null;
  rank: Rank;
  spilledFrom: string[];
}
/**
 * Back to the backlog above `backlogAbove`, the lowest rank of any story of the project (ranks are unique
 * project-wide, so the top of the backlog is below every rank in use), or into a planned sprint.
 */
export type CarryOverTo = { backlogAbove: Rank | null } | { sprintId: string };

/**
 * What completing a sprint does: the points of its done stories are the completed points; every unfinished
 * story remembers the sprint it spilled from and moves on. To the backlog they go to the very top, keeping
 * their order in the sprint; into a planned sprint they keep their rank.
 */
export function completionOf(
  sprintId: string,
  stories: readonly SprintStory[],
  categories: StatusCategories,
  to: CarryOverTo,
): { completedPoints: number; carriedOver: CarriedOver[] } {
  const done = stories.filter((s) => isDone(s.statusId, categories));
  const unfinished = stories
    .filter((s) => !isDone(s.statusId, categories))
    .sort((a, b) => compareRanks(a.rank, b.rank));
  const toBacklog = 'backlogAbove' in to;
  const ranks = toBacklog
    ? ranksBetween(null, to.backlogAbove, unfinished.length)
    : unfinished.map((s) => s.rank);
  const carriedOver = unfinished.map((s, i) => ({
    id: s.id,
    sprintId: toBacklog ? null : to.sprintId,
    rank: ranks[i] ?? s.rank,
    spilledFrom: [...s.spilledFrom, sprintId],
  }));
  return { completedPoints: sumPoints(done), carriedOver };
}

/**
 * Where a story stands after a status change. Leaving done takes back its acceptance; a story reopened in a
 * closed sprint returns to the backlog (keeping its rank), because the closed sprint's record cannot change.
 */
export function afterTransition(
  story: { statusId: string; accepted: boolean; sprintId: string | null },
  toStatusId: string,
  categories: StatusCategories,
  sprintState: SprintState | null,
): { statusId: string; accepted: boolean; sprintId: string | null } {
  const reopened = isDone(story.statusId, categories) && !isDone(toStatusId, categories);
  return {
    statusId: toStatusId,
    accepted: reopened ? false : story.accepted,
    sprintId: reopened && sprintState === 'closed' ? null : story.sprintId,
  };
}

interface ClosedSprintPoints {
  completedPoints: number | null;
  completedAt: string | null;
  endDate?: string | null;
}

/** Average completed points, to one decimal; null when there is nothing to average. */
export function averageCompleted(sprints: readonly { completedPoints: number | null }[]): number | null {
  if (sprints.length === 0) return null;
  return (
    Math.round((sumPoints(sprints.map((s) => ({ points: s.completedPoints }))) / sprints.length) * 10) / 10
  );
}

export const capacity = (closed: readonly ClosedSprintPoints[]): number | null =>
  averageCompleted(lastClosed(closed, 'capacity'));
