import { describe, expect, it } from 'vitest';
import {
  forecastSprints,
  HORIZON_SPRINTS,
  sprintEndDate,
  sprintPlan,
  velocityBasis,
  type ClosedSprint,
} from './forecast';

const closed = (completedPoints: number, startDate: string, endDate: string): ClosedSprint => ({
  startDate,
  endDate,
  completedPoints,
  completedAt: `${endDate}T17:00:00.000Z`,
});

describe('velocityBasis', () => {
  it('averages the completed points of the closed sprints and measures their length from their dates', () => {
    const basis = velocityBasis({
      closedSprints: [closed(10, '2025-01-06', '2025-01-19'), closed(20, '2025-01-20', '2025-02-02')],
      activeSprint: null,
      plannedVelocity: 99,
    });
    expect(basis).toEqual({
      velocity: 15,
      samples: [20, 10],
      sprintLengthDays: 14,
      source: 'closed_sprints',
      confidence: 'medium',
    });
  });

  it('looks back on the last ten closed sprints only, by completion', () => {
    const sprints = Array.from({ length: 12 }, (_, i) => {
      const day = String(i + 1).padStart(2, '0');
      return closed(i + 1, `2025-03-${day}`, `2025-03-${day}`);
    });
    const basis = velocityBasis({
      closedSprints: sprints.reverse(),
      activeSprint: null,
      plannedVelocity: null,
    });
    expect(basis.samples).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(basis.velocity).toBe(7.5);
    expect(basis.sprintLengthDays).toBe(1);
    expect(basis.confidence).toBe('high');
  });

  it('falls back to the active sprint commitment, then the planned velocity, with low confidence', () => {
    const active = { startDate: '2025-01-06', endDate: '2025-01-12', committedPoints: 21 };
    expect(velocityBasis({ closedSprints: [], activeSprint: active, plannedVelocity: 8 })).toEqual({
      velocity: 21,
      samples: [21],
      sprintLengthDays: 7,
      source: 'active_sprint',
      confidence: 'low',
    });
    const noCommitment = { ...active, committedPoints: 0 };
    expect(
      velocityBasis({ closedSprints: [], activeSprint: noCommitment, plannedVelocity: 8 }),
    ).toMatchObject({
      velocity: 8,
      source: 'planned_velocity',
      confidence: 'low',
    });
    expect(velocityBasis({ closedSprints: [], activeSprint: null, plannedVelocity: null })).toEqual({
      velocity: null,
      samples: [],
      sprintLengthDays: 14,
      source: 'none',
      confidence: 'low',
    });
  });
});

describe('sprintPlan', () => {
  const basis = velocityBasis({ closedSprints: [], activeSprint: null, plannedVelocity: 10 });

  it('starts a sprint today when none is active', () => {
    const plan = sprintPlan('2025-01-06', basis, null, 7);
    expect(plan).toEqual({ firstSprintEnd: '2025-01-19', sprintLengthDays: 14, usedPoints: 0 });
    expect(sprintEndDate(plan, 3)).toBe('2025-02-16');
  });

  it('ends the first sprint with the active one, or today when it overran', () => {
    const active = { startDate: '2025-01-06', endDate: '2025-01-19', committedPoints: 10 };
    expect(sprintPlan('2025-01-10', basis, active, 4)).toMatchObject({
      firstSprintEnd: '2025-01-19',
      usedPoints: 4,
    });
    expect(sprintPlan('2025-01-25', basis, active, 4).firstSprintEnd).toBe('2025-01-25');
  });
});

describe('forecastSprints', () => {
  it('walks the average velocity sprint by sprint for the expected finish', () => {
    const basis = velocityBasis({ closedSprints: [], activeSprint: null, plannedVelocity: 10 });
    const f = forecastSprints([0, 10, 11, 30, 31], basis, 0, 'P');
    expect(f.expected).toEqual([1, 1, 2, 3, 4]);
    expect(f.p50).toEqual(f.expected);
    expect(f.p85).toEqual(f.expected);
  });

  it('discounts the points the active sprint already delivered from its capacity', () => {
    const basis = velocityBasis({ closedSprints: [], activeSprint: null, plannedVelocity: 10 });
    expect(forecastSprints([4, 5, 14, 15], basis, 6, 'P').expected).toEqual([1, 2, 2, 3]);
  });

  it('gives the percentiles of the sprint counts over the trials', () => {
    // Velocities 10 or 20, even odds: 30 points are done after two sprints unless both drew 10 (p = 1/4),
    // and always after three: P50 is sprint 2, P85 sprint 3. 40 points need 20+20 by sprint 2 (p = 1/4)
    // but only one 20 in three sprints (p = 7/8): P50 and P85 are both sprint 3.
    const basis = velocityBasis({
      closedSprints: [closed(10, '2025-01-06', '2025-01-19'), closed(20, '2025-01-20', '2025-02-02')],
      activeSprint: null,
      plannedVelocity: null,
    });
    const f = forecastSprints([30, 5, 40], basis, 0, 'P');
    expect(f.expected).toEqual([2, 1, 3]);
    expect(f.p50).toEqual([2, 1, 3]);
    expect(f.p85).toEqual([3, 1, 3]);
  });

  it('says null past the horizon and without a velocity', () => {
    const slow = velocityBasis({ closedSprints: [], activeSprint: null, plannedVelocity: 1 });
    expect(forecastSprints([HORIZON_SPRINTS + 1], slow, 0, 'P')).toEqual({
      expected: [null],
      p50: [null],
      p85: [null],
    });
    const none = velocityBasis({ closedSprints: [], activeSprint: null, plannedVelocity: null });
    expect(forecastSprints([1], none, 0, 'P')).toEqual({ expected: [null], p50: [null], p85: [null] });
  });

  it('gives the same answer for the same data', () => {
    const basis = velocityBasis({
      closedSprints: [3, 8, 13, 21, 5].map((v, i) => closed(v, `2025-01-0${i + 1}`, `2025-01-0${i + 1}`)),
      activeSprint: null,
      plannedVelocity: null,
    });
    const positions = [17, 40, 99, 3];
    expect(forecastSprints(positions, basis, 2, 'P')).toEqual(forecastSprints(positions, basis, 2, 'P'));
  });
});
