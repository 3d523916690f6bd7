import { lastClosed } from './velocity';
import { addDays, daysBetween, laterDay } from './dates';
import { hashString, streamOf } from './seeded-random';

/**
 * Forecasting: how many sprints until the team has delivered a given amount of backlog, and on which day
 * that sprint ends. Everything here is pure: the caller passes today's date and the project's history.
 */

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const VELOCITY_SOURCES = ['closed_sprints', 'active_sprint', 'planned_velocity', 'none'] as const;
export type VelocitySource = (typeof VELOCITY_SOURCES)[number];

export const MONTE_CARLO_TRIALS = 2_000;
/** Past this many sprints a forecast says "beyond the horizon" instead of naming a day decades away. */
export const HORIZON_SPRINTS = 500;
const DEFAULT_SPRINT_DAYS = 14;
/** With this many closed sprints or more the spread of past velocities is worth trusting. */
const CONFIDENT_SAMPLE = 3;

export interface ClosedSprint {
  startDate: string | null;
  endDate: string | null;
  completedPoints: number | null;
  /** ISO timestamp of completion; orders the sprints when dates are missing. */
  completedAt: string | null;
}
export interface ActiveSprint {
  startDate: string | null;
  endDate: string | null;
  committedPoints: number | null;
}

export interface VelocityBasis {
  /** Average points per sprint, or null when nothing says how fast the team goes. */
  velocity: number | null;
  /** The velocities the Monte Carlo draws from, most recent first. */
  samples: number[];
  sprintLengthDays: number;
  source: VelocitySource;
  confidence: Confidence;
}

const sprintDays = (s: { startDate: string | null; endDate: string | null }) =>
  s.startDate && s.endDate ? daysBetween(s.startDate, s.endDate) + 1 : null;

const average = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function sprintLength(recent: readonly ClosedSprint[], active: ActiveSprint | null): number {
  const known = recent.map(sprintDays).filter((d): d is number => d !== null && d > 0);
  if (known.length > 0) return Math.max(1, Math.round(average(known)));
  const activeDays = active ? sprintDays(active) : null;
  return activeDays && activeDays > 0 ? activeDays : DEFAULT_SPRINT_DAYS;
}

/**
 * Velocity: completed points of the last closed sprints. Before any sprint has closed, the active sprint's
 * commitment or the project's planned velocity stands in for it, and the forecast says so (low confidence).
 */
export function velocityBasis(input: {
  closedSprints: readonly ClosedSprint[];
  activeSprint: ActiveSprint | null;
  plannedVelocity: number | null;
}): VelocityBasis {
  const recent = lastClosed(input.closedSprints, 'forecast');
  const sprintLengthDays = sprintLength(recent, input.activeSprint);
  if (recent.length > 0) {
    const samples = recent.map((s) => s.completedPoints ?? 0);
    const confidence = recent.length >= CONFIDENT_SAMPLE ? 'high' : 'medium';
    return { velocity: average(samples), samples, sprintLengthDays, source: 'closed_sprints', confidence };
  }
  const committed = input.activeSprint?.committedPoints ?? 0;
  const [source, guess]: [VelocitySource, number | null] =
    committed > 0 ? ['active_sprint', committed] : ['planned_velocity', input.plannedVelocity];
  if (guess !== null && guess > 0) {
    return { velocity: guess, samples: [guess], sprintLengthDays, source, confidence: 'low' };
  }
  return { velocity: null, samples: [], sprintLengthDays, source: 'none', confidence: 'low' };
}

/**
 * The sprints ahead. Sprint 1 is the active sprint (ending on its end date, or today if it overran) or,
 * without one, a sprint starting today; then one every `sprintLengthDays`. `usedPoints` is what the active
 * sprint has already delivered: that part of its velocity is spent and cannot carry remaining work.
 */
export interface SprintPlan {
  firstSprintEnd: string;
  sprintLengthDays: number;
  usedPoints: number;
}

export function sprintPlan(
  today: string,
  basis: VelocityBasis,
  active: ActiveSprint | null,
  usedPoints: number,
): SprintPlan {
  const length = basis.sprintLengthDays;
  const activeEnd = active && (active.endDate ?? (active.startDate && addDays(active.startDate, length - 1)));
  const firstSprintEnd = activeEnd ? laterDay(activeEnd, today) : addDays(today, length - 1);
  return { firstSprintEnd, sprintLengthDays: length, usedPoints: active ? usedPoints : 0 };
}

export const sprintEndDate = (plan: SprintPlan, sprint: number) =>
  addDays(plan.firstSprintEnd, (sprint - 1) * plan.sprintLengthDays);

/** When each amount of work is done: the sprint number (1-based) or null past the horizon. */
export interface SprintForecast {
  expected: (number | null)[];
  p50: (number | null)[];
  p85: (number | null)[];
}

/** Float slack for the average-velocity walk, so 30 points at 10 a sprint is 3 sprints, not 3.0000001. */
const EPSILON = 1e-9;

/** The deterministic walk: every sprint delivers the average velocity (the backlog's sprint markers use it too). */
export function expectedSprint(position: number, velocity: number, usedPoints: number): number | null {
  const first = Math.max(0, velocity - usedPoints);
  if (position <= first + EPSILON) return 1;
  const sprint = 1 + Math.ceil((position - first) / velocity - EPSILON);
  return sprint <= HORIZON_SPRINTS ? sprint : null;
}

/**
 * One Monte Carlo trial: sprint after sprint, draw a past velocity and deliver that much; note the sprint in
 * which the cumulative delivery reaches each position. `order` lists the positions' indices ascending, so a
 * trial costs O(sprints + positions), never O(stories).
 */
export function runTrial(
  random: () => number,
  samples: readonly number[],
  usedPoints: number,
  positions: readonly number[],
  order: readonly number[],
  record: (index: number, sprint: number) => void,
) {
  let delivered = 0;
  let next = 0;
  for (let sprint = 1; sprint <= HORIZON_SPRINTS && next < order.length; sprint++) {
    const drawn = samples[Math.floor(random() * samples.length)] ?? 0;
    delivered += sprint === 1 ? Math.max(0, drawn - usedPoints) : drawn;
    while (next < order.length && (positions[order[next] ?? 0] ?? 0) <= delivered) {
      record(order[next] ?? 0, sprint);
      next++;
    }
  }
}

const BEYOND = HORIZON_SPRINTS + 1;
/** The q-quantile of sorted trial results, null when it lies at `beyond` (past the horizon). */
export const percentile = (sorted: Int32Array, q: number, beyond = BEYOND) => {
  const value = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? beyond;
  return value === beyond ? null : value;
};

/**
 * Forecast the sprint in which the backlog's cumulative points reach each of `positions`. Each trial has
 * its own random stream derived from the seed, so its velocity draws do not depend on the backlog: moving
 * or re-estimating stories is compared under the same draws, and a better-ranked epic can never get later.
 */
export function forecastSprints(
  positions: readonly number[],
  basis: VelocityBasis,
  usedPoints: number,
  seedKey: string,
): SprintForecast {
  const velocity = basis.velocity;
  if (velocity === null || velocity <= 0) {
    const none = positions.map(() => null);
    return { expected: none, p50: none, p85: none };
  }
  const trials = positions.map(() => new Int32Array(MONTE_CARLO_TRIALS).fill(BEYOND));
  const order = positions.map((_, i) => i).sort((a, b) => (positions[a] ?? 0) - (positions[b] ?? 0));
  const seed = hashString(`${seedKey}|${basis.samples.join(',')}`);
  for (let t = 0; t < MONTE_CARLO_TRIALS; t++) {
    runTrial(streamOf(seed, t), basis.samples, usedPoints, positions, order, (i, sprint) => {
      (trials[i] as Int32Array)[t] = sprint;
    });
  }
  const sorted = trials.map((t) => t.sort());
  return {
    expected: positions.map((p) => expectedSprint(p, velocity, usedPoints)),
    p50: sorted.map((s) => percentile(s, 0.5)),
    p85: sorted.map((s) => percentile(s, 0.85)),
  };
}
