import { addDays, type Burndown, type Velocity } from '@ordo/domain';

export interface ChartBox {
  width: number;
  height: number;
}

export interface ChartPoint {
  x: number;
  y: number;
  value: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Where each non-empty value sits: x across the slots, y from the top value down to zero. */
function plot(values: readonly (number | null)[], top: number, box: ChartBox): ChartPoint[] {
  const step = values.length > 1 ? box.width / (values.length - 1) : 0;
  const y = (v: number) => box.height - (top > 0 ? (v / top) * box.height : 0);
  return values.flatMap((v, i) => (v === null ? [] : [{ x: round1(i * step), y: round1(y(v)), value: v }]));
}

const polyline = (points: readonly ChartPoint[]) => points.map((p) => `${p.x},${p.y}`).join(' ');

/**
 * Round steps for a value axis from zero to at least `top`: 1, 2 or 5 times a power of ten, about `count`
 * of them, so the labels read 0 5 10 15 20 rather than 0 3.8 7.6.
 */
export function valueTicks(top: number, count = 4): number[] {
  if (top <= 0) return [0];
  const rough = top / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) ticks.push(round1(v));
  return ticks;
}

/** Which of `count` days get a date label: the first, the last, and evenly spaced ones between, at most `max`. */
export function dayLabelIndexes(count: number, max = 8): number[] {
  if (count <= 0) return [];
  const every = Math.max(1, Math.ceil((count - 1) / Math.max(max - 1, 1)));
  const indexes = Array.from({ length: count }, (_, i) => i).filter((i) => i % every === 0);
  const last = count - 1;
  if (indexes.at(-1) !== last) {
    if (indexes.length > 1 && last - (indexes.at(-1) ?? 0) < every) indexes.pop();
    indexes.push(last);
  }
  return indexes;
}

export interface BurndownPlot {
  /** The value axis' top (a round tick at or above the commitment and every day's remaining points). */
  top: number;
  ticks: number[];
  ideal: string;
  remaining: string;
  /** The days with data, each drawn as a dot: a sprint with one day of data still shows where it stands. */
  marks: ChartPoint[];
}

/** The burndown as two lines (what remained each day so far, and the ideal straight line) on a round scale. */
export function burndownPlot(burndown: Burndown, box: ChartBox): BurndownPlot {
  const highest = Math.max(burndown.committedPoints, ...burndown.days.map((d) => d.remaining ?? 0), 1);
  const ticks = valueTicks(highest);
  const top = ticks.at(-1) ?? highest;
  const marks = plot(
    burndown.days.map((d) => d.remaining),
    top,
    box,
  );
  return {
    top,
    ticks,
    ideal: polyline(
      plot(
        burndown.days.map((d) => d.ideal),
        top,
        box,
      ),
    ),
    remaining: polyline(marks),
    marks,
  };
}

export interface VelocityBar {
  name: string;
  committed: number;
  completed: number;
  /** Heights in percent of the tallest bar. */
  committedPct: number;
  completedPct: number;
}

/** Committed against completed points per closed sprint, scaled to the tallest bar. */
export function velocityBars(velocity: Velocity): VelocityBar[] {
  const top = Math.max(
    1,
    ...velocity.sprints.flatMap((s) => [s.committedPoints ?? 0, s.completedPoints ?? 0]),
  );
  return velocity.sprints.map((s) => ({
    name: s.name,
    committed: s.committedPoints ?? 0,
    completed: s.completedPoints ?? 0,
    committedPct: Math.round(((s.committedPoints ?? 0) / top) * 100),
    completedPct: Math.round(((s.completedPoints ?? 0) / top) * 100),
  }));
}

export interface FlowInput {
  days: readonly { date: string; counts: Record<string, number> }[];
  statuses: readonly { id: string; name: string; category: 'todo' | 'in_progress' | 'done' }[];
}

export interface FlowBand {
  statusId: string;
  name: string;
  category: FlowInput['statuses'][number]['category'];
  /** The band's outline: its top edge left to right, then the edge below it back. */
  area: string;
  /** How many stories stand in this status on the last day. */
  latest: number;
}

export interface FlowPlot {
  top: number;
  ticks: number[];
  /** Bottom to top: the last status of the workflow (done) lowest, so finished work piles up from below. */
  bands: FlowBand[];
}

/**
 * The cumulative flow as stacked bands, one per status, on a round scale. A single day spans the width, so
 * the chart of a sprint's first day still shows where things stand.
 */
export function cumulativeFlowPlot(flow: FlowInput, box: ChartBox): FlowPlot {
  const days = flow.days.length === 1 ? [flow.days[0]!, flow.days[0]!] : flow.days;
  const order = [...flow.statuses].reverse();
  const totals = days.map((d) => order.reduce((sum, s) => sum + (d.counts[s.id] ?? 0), 0));
  // At least 4 on the scale, so its steps are whole stories.
  const ticks = valueTicks(Math.max(4, ...totals));
  const top = ticks.at(-1) ?? 1;
  const below = days.map(() => 0);
  const bands = order.map((status) => {
    const floor = [...below];
    days.forEach((d, i) => (below[i] = floor[i]! + (d.counts[status.id] ?? 0)));
    const upper = plot(below, top, box);
    const lower = plot(floor, top, box).reverse();
    return {
      statusId: status.id,
      name: status.name,
      category: status.category,
      area: polyline([...upper, ...lower]),
      latest: days.at(-1)?.counts[status.id] ?? 0,
    };
  });
  return { top, ticks, bands };
}

/**
 * The days the flow chart covers: a sprint's own days (up to today while it runs) or the last `days` days;
 * a sprint without dates falls back to the last 30.
 */
export function flowRangeOf(
  choice: { days: number } | { sprint: { startDate: string | null; endDate: string | null } },
  today: string,
): { from: string; to: string } {
  if ('sprint' in choice && choice.sprint.startDate && choice.sprint.startDate <= today) {
    const end = choice.sprint.endDate ?? today;
    return { from: choice.sprint.startDate, to: end < today ? end : today };
  }
  const days = 'days' in choice ? choice.days : 30;
  return { from: addDays(today, 1 - days), to: today };
}
