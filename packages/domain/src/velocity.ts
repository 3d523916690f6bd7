/**
 * Velocity, defined once: the points a team completed per sprint, over its most recent closed sprints
 * (ordered by when they closed, else by their end date: an imported sprint may lack the moment). Each use
 * looks back its own named window; the web shows `VELOCITY_EXPLANATION` wherever it shows a velocity.
 */
export const VELOCITY_WINDOWS = {
  /** Sprint planning suggests the average of the last 3 as capacity: the team as it is now. */
  capacity: 3,
  /** The velocity chart shows the last 6. */
  chart: 6,
  /** The roadmap forecast samples the last 10: more history, steadier dates. */
  forecast: 10,
} as const;
export type VelocityWindow = keyof typeof VELOCITY_WINDOWS;

export const VELOCITY_EXPLANATION =
  `Velocity is the points a team completed per sprint, over its most recent closed sprints: ` +
  `planning suggests the average of the last ${VELOCITY_WINDOWS.capacity} as capacity, the chart shows the ` +
  `last ${VELOCITY_WINDOWS.chart}, and roadmap forecasts sample the last ${VELOCITY_WINDOWS.forecast}.`;

interface ClosedSprint {
  completedAt: string | null;
  endDate?: string | null;
}

/** Closed sprints most recent first; one that says neither when it closed nor when it ended counts nowhere. */
export function closedByRecency<S extends ClosedSprint>(closed: readonly S[]): S[] {
  const closedOn = (s: S) => s.completedAt ?? s.endDate ?? null;
  return closed.filter((s) => closedOn(s) !== null).sort((a, b) => closedOn(b)!.localeCompare(closedOn(a)!));
}

/** The closed sprints a window looks back on, most recent first. */
export const lastClosed = <S extends ClosedSprint>(closed: readonly S[], window: VelocityWindow): S[] =>
  closedByRecency(closed).slice(0, VELOCITY_WINDOWS[window]);
