import { addDays } from './dates';
import { expectedSprint } from './forecast';
import type { Roadmap } from './schemas/roadmap';

/** The last backlog story a coming sprint takes at the team's velocity: a line under it in the backlog. */
export interface SprintMarker {
  /** 1 is the running sprint (or, without one, the next); 2 the one after; … */
  sprint: number;
  ends: string;
}

/**
 * Where each coming sprint ends in the backlog, by the same walk the roadmap forecast uses: after the sprints'
 * own work, sprint after sprint delivers the average velocity; unestimated stories count 0. `stories` are the
 * backlog in rank order; the result maps a story's index to the sprint that ends with it.
 */
export function sprintMarkers(
  stories: readonly { points: number | null }[],
  roadmap: Pick<Roadmap, 'velocity' | 'basis' | 'backlogStart'>,
): Map<number, SprintMarker> {
  const markers = new Map<number, SprintMarker>();
  const { velocity, basis, backlogStart } = roadmap;
  if (velocity === null || velocity <= 0) return markers;
  let position = backlogStart.position;
  const sprints = stories.map((story) => {
    position += story.points ?? 0;
    return expectedSprint(position, velocity, backlogStart.usedPoints);
  });
  sprints.forEach((sprint, i) => {
    const next = sprints[i + 1];
    if (sprint === null || next === undefined || next === sprint) return;
    markers.set(i, { sprint, ends: addDays(basis.firstSprintEnd, (sprint - 1) * basis.sprintLengthDays) });
  });
  return markers;
}
