import type { Burndown, Velocity } from '@ordo/domain';

export interface ChartBox {
  width: number;
  height: number;
}

/** SVG polyline points: x across the days, y from the top value down to zero. */
function line(values: readonly (number | null)[], top: number, box: ChartBox): string {
  const step = values.length > 1 ? box.width / (values.length - 1) : 0;
  const y = (v: number) => box.height - (top > 0 ? (v / top) * box.height : 0);
  return values
    .map((v, i) => (v === null ? null : `${Math.round(i * step * 10) / 10},${Math.round(y(v) * 10) / 10}`))
    .filter((p) => p !== null)
    .join(' ');
}

/** The burndown as two lines: what remained each day so far, and the ideal straight line. */
export function burndownLines(burndown: Burndown, box: ChartBox): { remaining: string; ideal: string; top: number } {
  const top = Math.max(burndown.committedPoints, ...burndown.days.map((d) => d.remaining ?? 0), 1);
  return {
    top,
    remaining: line(burndown.days.map((d) => d.remaining), top, box),
    ideal: line(burndown.days.map((d) => d.ideal), top, box),
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
  const top = Math.max(1, ...velocity.sprints.flatMap((s) => [s.committedPoints ?? 0, s.completedPoints ?? 0]));
  return velocity.sprints.map((s) => ({
    name: s.name,
    committed: s.committedPoints ?? 0,
    completed: s.completedPoints ?? 0,
    committedPct: Math.round(((s.committedPoints ?? 0) / top) * 100),
    completedPct: Math.round(((s.completedPoints ?? 0) / top) * 100),
  }));
}
