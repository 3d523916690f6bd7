import { addDays, daysBetween } from './dates';
import { invalid } from './errors';

/** Where one story stood after one event of the log (the event's `data.story`). */
export interface StorySnapshot {
  /** ISO time of the event. */
  at: string;
  storyId: string;
  statusId: string;
  deleted: boolean;
}

export interface FlowDay {
  date: string;
  counts: Record<string, number>;
}

/** The longest range one chart covers. */
export const MAX_FLOW_DAYS = 366;
/** What a chart without `from` shows: the last 30 days up to `to`. */
export const DEFAULT_FLOW_DAYS = 30;

/** The days of a chart: `to` defaults to today, `from` to 29 days before `to`; refused if reversed or too long. */
export function flowRange(query: { from?: string | undefined; to?: string | undefined }, today: string) {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, 1 - DEFAULT_FLOW_DAYS);
  if (from > to) throw invalid('from', 'must not come after to');
  if (daysBetween(from, to) >= MAX_FLOW_DAYS)
    throw invalid('from', `a chart covers at most ${MAX_FLOW_DAYS} days`);
  return { from, to };
}

/**
 * Cumulative flow: for each day from `from` to `to`, how many stories stood in each status at the end of
 * that day (UTC), replaying the story snapshots in log order. Deleted stories count nowhere; every status
 * of `statusIds` appears, with 0 when empty.
 */
export function cumulativeFlow(
  snapshots: readonly StorySnapshot[],
  range: { from: string; to: string },
  statusIds: readonly string[],
): FlowDay[] {
  const current = new Map<string, StorySnapshot>();
  const days: FlowDay[] = [];
  let next = 0;
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
    while (next < snapshots.length && snapshots[next]!.at.slice(0, 10) <= date) {
      const snapshot = snapshots[next++]!;
      current.set(snapshot.storyId, snapshot);
    }
    const counts: Record<string, number> = Object.fromEntries(statusIds.map((id) => [id, 0]));
    for (const story of current.values()) {
      if (!story.deleted) counts[story.statusId] = (counts[story.statusId] ?? 0) + 1;
    }
    days.push({ date, counts });
  }
  return days;
}
