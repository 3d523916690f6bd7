import { describe, expect, it } from 'vitest';
import { sprintMarkers } from './sprint-markers';

const roadmap = (velocity: number | null, position = 0, usedPoints = 0) => ({
  velocity,
  basis: {
    source: 'closed_sprints' as const,
    samples: [],
    sprintLengthDays: 14,
    confidence: 'high' as const,
    firstSprintEnd: '2026-03-13',
  },
  backlogStart: { position, usedPoints },
});
const points = (...list: (number | null)[]) => list.map((p) => ({ points: p }));

describe('sprint markers in the backlog', () => {
  it('marks the last story of each coming sprint at 10 points a sprint, with the day it ends', () => {
    const markers = sprintMarkers(points(5, 5, 3, 7, 2, 5), roadmap(10));
    expect([...markers]).toEqual([
      [1, { sprint: 1, ends: '2026-03-13' }],
      [3, { sprint: 2, ends: '2026-03-27' }],
    ]);
  });

  it('starts after the sprints’ own work and the running sprint’s spent velocity', () => {
    // 6 points still planned in sprints, 2 of this sprint's 10 delivered: 2 left for the backlog in sprint 1.
    const markers = sprintMarkers(points(2, 3, 8), roadmap(10, 6, 2));
    expect([...markers].map(([i, m]) => [i, m.sprint])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('counts unestimated stories as 0 and marks nothing without a velocity', () => {
    expect([...sprintMarkers(points(10, null, 1), roadmap(10)).keys()]).toEqual([1]);
    expect(sprintMarkers(points(10, 10), roadmap(null)).size).toBe(0);
  });
});
