import type { Burndown, Velocity } from '@ordo/domain';

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
