import { describe, expect, it } from 'vitest';
import type { Burndown, Velocity } from '@ordo/domain';
import { burndownLines, velocityBars } from './charts';

describe('burndownLines', () => {
  const burndown: Burndown = {
    sprintId: '00000000-0000-4000-8000-000000000001',
    committedPoints: 10,
    days: [
      { date: '2025-01-01', remaining: 10, ideal: 10, scopeChanges: [] },
      { date: '2025-01-02', remaining: 5, ideal: 5, scopeChanges: [] },
      { date: '2025-01-03', remaining: null, ideal: 0, scopeChanges: [] },
    ],
  };
  it('draws what remained so far and the ideal line across the whole sprint', () => {
    const lines = burndownLines(burndown, { width: 200, height: 100 });
    expect(lines.remaining).toBe('0,0 100,50');
    expect(lines.ideal).toBe('0,0 100,50 200,100');
  });
  it('makes room for scope added above the commitment', () => {
    const grown = { ...burndown, days: [{ ...burndown.days[0]!, remaining: 20 }] };
    expect(burndownLines(grown, { width: 200, height: 100 }).top).toBe(20);
  });
});

describe('velocityBars', () => {
  it('scales committed and completed points to the tallest bar', () => {
    const sprint = { id: '00000000-0000-4000-8000-000000000002', startDate: null, endDate: null };
    const velocity: Velocity = {
      sprints: [
        { ...sprint, name: 'S1', committedPoints: 20, completedPoints: 15 },
        { ...sprint, name: 'S2', committedPoints: 10, completedPoints: null },
      ],
      average: 7.5,
      capacity: 7.5,
    };
    expect(velocityBars(velocity)).toEqual([
      { name: 'S1', committed: 20, completed: 15, committedPct: 100, completedPct: 75 },
      { name: 'S2', committed: 10, completed: 0, committedPct: 50, completedPct: 0 },
    ]);
  });
});
