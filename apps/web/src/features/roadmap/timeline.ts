import type { RoadmapEntry } from '@ordo/domain';

export interface TimelineRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Every date a roadmap row draws: the planned bar and the forecast range. */
function datesOf(entry: RoadmapEntry): string[] {
  return [entry.planned.start, entry.planned.target, entry.forecast.p50, entry.forecast.p85].filter(
    (d): d is string => d !== null,
  );
}

/** The span the timeline shows: all planned and forecast dates and today, or null when nothing has a date. */
export function timelineRange(entries: readonly RoadmapEntry[], today: string): TimelineRange | null {
  const dates = entries.flatMap(datesOf);
  if (dates.length === 0) return null;
  dates.push(today);
  dates.sort();
  return { from: dates[0] ?? today, to: dates.at(-1) ?? today };
}

/** Where a date falls across the timeline, in percent (0 at `from`, 100 at `to`). */
export function positionOf(date: string, range: TimelineRange): number {
  const span = dayNumber(range.to) - dayNumber(range.from);
  if (span <= 0) return 0;
  return Math.max(0, Math.min(100, ((dayNumber(date) - dayNumber(range.from)) / span) * 100));
}

/** The narrowest bar drawn, in percent: a range of one day (or a lone date) stays visible. */
const MIN_WIDTH = 1.5;

/** A bar from `start` to `end` as CSS left/width percentages; a missing end draws a point, kept inside the track. */
export function barOf(
  start: string | null,
  end: string | null,
  range: TimelineRange,
): { left: number; width: number } | null {
  const first = start ?? end;
  if (first === null) return null;
  const left = positionOf(first, range);
  const width = Math.max(MIN_WIDTH, positionOf(end ?? first, range) - left);
  return { left: Math.min(left, 100 - width), width };
}

/** The first day of each month inside the range, with its place across the timeline: the axis and its gridlines. */
export function monthTicks(range: TimelineRange): { date: string; left: number }[] {
  const ticks: { date: string; left: number }[] = [];
  const [year = 0, month = 1] = range.from.split('-').map(Number);
  for (let i = 1; ; i++) {
    const first = new Date(Date.UTC(year, month - 1 + i, 1)).toISOString().slice(0, 10);
    if (first > range.to) return ticks;
    ticks.push({ date: first, left: positionOf(first, range) });
  }
}
