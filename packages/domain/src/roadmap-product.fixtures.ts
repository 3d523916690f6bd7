import type { RoadmapSprint } from './roadmap';
import type { ProductRoadmapInput, TeamInput, TeamStory } from './roadmap-product';
import type { Epic } from './schemas/epic';

/** Builders for the cross-team forecast's tests. */

export const TODAY = '2025-03-03';

export const epic = (id: string, rank: string, targetDate: string | null = null): Epic => ({
  id,
  title: `Epic ${id}`,
  outcome: '',
  color: '#6366f1',
  startDate: null,
  targetDate,
  status: 'planned',
  rank,
  createdAt: '2025-01-01T00:00:00.000Z',
});

export const story = (
  id: string,
  rank: string,
  epicId: string | null,
  points: number | null,
  more: Partial<TeamStory> = {},
): TeamStory => ({ id, key: id.toUpperCase(), rank, epicId, points, sprintId: null, done: false, ...more });

/** Closed sprints of `days` days that delivered `velocities` (most recent last). */
export function closedSprints(velocities: readonly number[], days = 14): RoadmapSprint[] {
  return velocities.map((v, i) => {
    const start = new Date(Date.UTC(2024, 0, 1 + i * days));
    const end = new Date(start.getTime() + (days - 1) * 86_400_000);
    return {
      id: `closed-${i}`,
      state: 'closed',
      startDate: start.toISOString().slice(0, 10),
      endDate: end.toISOString().slice(0, 10),
      committedPoints: v,
      completedPoints: v,
      completedAt: end.toISOString(),
    };
  });
}

export const team = (key: string, stories: TeamStory[], sprints: RoadmapSprint[]): TeamInput => ({
  key,
  name: `Team ${key}`,
  seedKey: key.toLowerCase(),
  stories,
  sprints,
  plannedVelocity: null,
});

export const product = (more: Partial<ProductRoadmapInput>): ProductRoadmapInput => ({
  today: TODAY,
  epics: [],
  teams: [],
  blocks: [],
  feedbackCounts: new Map(),
  ...more,
});
