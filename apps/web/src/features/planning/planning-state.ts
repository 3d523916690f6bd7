import { addDays, isReady, sumPoints, summarizeStory, type Story, type StorySummary } from '@ordo/domain';
import { upsertByRank } from '../backlog/backlog-order';
import type { SprintDetail } from './queries';

/** A story in sprint planning: a sprint's story in full, or a backlog story's summary. */
export type PlanStory = Story | StorySummary;

export interface CapacityBar {
  /** How full the bar is drawn, 0–100. */
  percent: number;
  isOver: boolean;
  label: string;
}

/** The committed points against the team's velocity: the bar sprint planning fills. */
export function capacityBar(planned: number, capacity: number | null): CapacityBar {
  if (capacity === null || capacity <= 0) {
    return {
      percent: planned > 0 ? 100 : 0,
      isOver: false,
      label: `${planned} points planned · no velocity yet (first sprint)`,
    };
  }
  const isOver = planned > capacity;
  const percent = Math.min(100, Math.round((planned / capacity) * 100));
  const rest = isOver ? `${planned - capacity} over the velocity` : `${capacity - planned} left`;
  return { percent, isOver, label: `${planned} of ${capacity} points · ${rest}` };
}

/** The sprint after a story joins (`joins`) or leaves it: stories in rank order, planned points recounted. */
export function planInSprint(detail: SprintDetail, story: PlanStory, joins: boolean): SprintDetail {
  // A story from the backlog is its summary: shown at once, replaced by the server's answer in full.
  const planned = {
    ...story,
    sprintId: joins ? detail.sprint.id : null,
    ready: isReady(story),
  } as SprintDetail['stories'][number];
  const stories = upsertByRank(detail.stories, planned, joins);
  return { ...detail, stories, plannedPoints: sumPoints(stories) };
}

/** The backlog after a story leaves it for a sprint, or comes back. */
export function planInBacklog(
  backlog: { items: StorySummary[] },
  story: PlanStory,
  returns: boolean,
): { items: StorySummary[] } {
  return { items: upsertByRank(backlog.items, { ...summarizeStory(story), sprintId: null }, returns) };
}

/** The dates a new sprint is offered: from today, two weeks long (ISO days, UTC like the API). */
export function suggestedDates(today: Date, days = 14): { startDate: string; endDate: string } {
  const startDate = today.toISOString().slice(0, 10);
  return { startDate, endDate: addDays(startDate, days) };
}
