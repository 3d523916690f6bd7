/**
 * The Scrum reports, computed from the project's event log alone: every story event carries the whole story
 * after the change, so replaying them in `seq` order tells what any sprint held at any moment. A sprint's
 * record freezes when it completes: what happens to its stories afterwards (carry-over included) is ignored.
 */
import { lastClosed } from './velocity';
import { addDays, daysBetween } from './dates';
import type { Burndown, BurndownDay, ReportStory, ScopeChange, StoryGroup, Velocity } from './schemas/report';
import type { Sprint } from './schemas/sprint';
import { averageCompleted, capacity, isDone, sumPoints, type StatusCategories } from './sprint';
import type { Story } from './schemas/story';
import { readSprintLog, replay, type LoggedEvent } from './sprint-history';

export type { LoggedEvent };

const isMember = (story: Story | undefined, sprintId: string): story is Story =>
  story !== undefined && story.sprintId === sprintId && !story.deleted;
const membersOf = (stories: ReadonlyMap<string, Story>, sprintId: string) =>
  [...stories.values()].filter((s) => isMember(s, sprintId));
const reported = ({ id, key, title, points }: Story): ReportStory => ({ id, key, title, points });
const groupOf = (stories: readonly Story[]): StoryGroup => ({
  points: sumPoints(stories),
  stories: stories.map(reported),
});

export interface BurndownInput {
  sprint: Pick<Sprint, 'id' | 'startDate' | 'endDate'>;
  events: readonly LoggedEvent[];
  categories: StatusCategories;
  /** Today's UTC date: an active sprint's later days have no value yet. */
  today: string;
}

/**
 * Remaining points (stories of the sprint not in a done status) at the end of each day from the start date to
 * the end date, the ideal line from the committed points to zero, and the scope changes of each day.
 */
export function burndown({ sprint, events, categories, today }: BurndownInput): Burndown {
  const log = readSprintLog(events, sprint.id);
  const { started, completed } = log;
  const atStart = replay(log.events, started?.seq);
  const committedPoints = sumPoints(membersOf(atStart, sprint.id));
  if (sprint.startDate === null || sprint.endDate === null)
    return { sprintId: sprint.id, committedPoints, days: [] };

  const lastDay = completed ? dayOf(completed.at) : started ? today : null;
  const length = daysBetween(sprint.startDate, sprint.endDate);
  const days: BurndownDay[] = Array.from({ length: length + 1 }, (_, i) => ({
    date: addDays(sprint.startDate as string, i),
    remaining: null,
    ideal: Math.round(committedPoints * (1 - i / Math.max(length, 1)) * 100) / 100,
    scopeChanges: [],
  }));
  // Before its start the sprint holds what it committed to: a sprint started (or imported) after its start
  // date shows its committed points on the early days, not zero.
  const stories = new Map(atStart);
  let next = 0;
  const closeDay = (day: BurndownDay) => {
    const open = membersOf(stories, sprint.id).filter((s) => !isDone(s.statusId, categories));
    day.remaining = lastDay !== null && day.date <= lastDay ? sumPoints(open) : null;
  };
  const lastIndex = days.length - 1;
  for (const { seq, at, story } of log.events) {
    if (completed && seq > completed.seq) break;
    if (started && seq <= started.seq) continue;
    const date = dayOf(at);
    // Work finished after the end date but before the sprint was closed counts on its last day.
    for (; next < lastIndex && (days[next] as BurndownDay).date < date; next++)
      closeDay(days[next] as BurndownDay);
    if (!story) continue;
    const change = started && seq > started.seq ? scopeChange(stories.get(story.id), story, sprint.id) : null;
    if (change) days[Math.min(next, days.length - 1)]?.scopeChanges.push(change);
    stories.set(story.id, story);
  }
  for (; next < days.length; next++) closeDay(days[next] as BurndownDay);
  return { sprintId: sprint.id, committedPoints, days };
}

/** A story entering or leaving the sprint (a deleted story leaves it). */
function scopeChange(before: Story | undefined, after: Story, sprintId: string): ScopeChange | null {
  const was = isMember(before, sprintId);
  const is = isMember(after, sprintId);
  if (was === is) return null;
  return is ? { ...reported(after), change: 'added' } : { ...reported(before ?? after), change: 'removed' };
}

const dayOf = (timestamp: string) => new Date(timestamp).toISOString().slice(0, 10);

export interface SprintReportInput {
  sprint: Pick<Sprint, 'id'>;
  events: readonly LoggedEvent[];
  categories: StatusCategories;
}
export type SprintReportGroups = Record<
  'committed' | 'completed' | 'accepted' | 'carriedOver' | 'addedMidSprint' | 'removedMidSprint',
  StoryGroup
>;

/**
 * The sprint review's numbers. Committed: in the sprint when it started. Completed: in a done status at the
 * end (completion, or now while it runs). Accepted: completed and accepted by the PO (acceptance may come after
 * the sprint closed). Carried over: unfinished at completion. Added / removed mid-sprint: the difference between
 * the start and the end.
 */
export function sprintReport({ sprint, events, categories }: SprintReportInput): SprintReportGroups {
  const log = readSprintLog(events, sprint.id);
  const { started, completed } = log;
  const atEnd = membersOf(replay(log.events, completed?.seq), sprint.id);
  const atStart = started ? membersOf(replay(log.events, started.seq), sprint.id) : atEnd;
  const latest = replay(log.events);
  const startIds = new Set(atStart.map((s) => s.id));
  const endIds = new Set(atEnd.map((s) => s.id));
  const done = atEnd.filter((s) => isDone(s.statusId, categories));
  return {
    committed: groupOf(atStart),
    completed: groupOf(done),
    accepted: groupOf(done.filter((s) => latest.get(s.id)?.accepted)),
    carriedOver: groupOf(completed ? atEnd.filter((s) => !isDone(s.statusId, categories)) : []),
    addedMidSprint: groupOf(atEnd.filter((s) => !startIds.has(s.id))),
    removedMidSprint: groupOf(atStart.filter((s) => !endIds.has(s.id))),
  };
}

type ClosedSprint = Velocity['sprints'][number] & { completedAt: string | null };

/** The velocity chart: the last 6 closed sprints oldest first, committed vs completed, and their average. */
export function velocityReport(closed: readonly ClosedSprint[]): Velocity {
  const recent = lastClosed(closed, 'chart');
  return {
    sprints: recent.reverse().map(({ id, name, startDate, endDate, committedPoints, completedPoints }) => ({
      id,
      name,
      startDate,
      endDate,
      committedPoints,
      completedPoints,
    })),
    average: averageCompleted(recent),
    capacity: capacity(closed),
  };
}
