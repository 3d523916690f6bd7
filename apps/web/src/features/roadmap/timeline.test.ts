import { describe, expect, it } from 'vitest';
import type { RoadmapEntry } from '@ordo/domain';
import { barOf, monthTicks, positionOf, timelineRange } from './timeline';

const entry = (planned: [string | null, string | null], forecast: [string | null, string | null]) =>
  ({
    planned: { start: planned[0], target: planned[1] },
    forecast: { p50: forecast[0], p85: forecast[1] },
  }) as RoadmapEntry;

describe('the roadmap timeline', () => {
  it('spans every planned and forecast date and today', () => {
    const entries = [
      entry(['2025-02-01', '2025-03-01'], ['2025-03-10', '2025-04-01']),
      entry([null, null], [null, null]),
    ];
    expect(timelineRange(entries, '2025-01-15')).toEqual({ from: '2025-01-15', to: '2025-04-01' });
  });
  it('has no range when no epic has a date', () => {
    expect(timelineRange([entry([null, null], [null, null])], '2025-01-15')).toBeNull();
  });
  it('places dates and bars proportionally, clamped to the range', () => {
    const range = { from: '2025-01-01', to: '2025-01-11' };
    expect(positionOf('2025-01-06', range)).toBe(50);
    expect(positionOf('2024-12-01', range)).toBe(0);
    expect(barOf('2025-01-01', '2025-01-06', range)).toEqual({ left: 0, width: 50 });
    expect(barOf(null, '2025-01-11', range)).toEqual({ left: 98.5, width: 1.5 });
    expect(barOf(null, null, range)).toBeNull();
  });
  it('puts a tick on the first of every month inside the range', () => {
    const ticks = monthTicks({ from: '2025-01-16', to: '2025-03-31' });
    expect(ticks.map((t) => t.date)).toEqual(['2025-02-01', '2025-03-01']);
    expect(ticks[0]?.left).toBeCloseTo((16 / 74) * 100);
    expect(monthTicks({ from: '2025-12-05', to: '2026-01-01' })).toEqual([{ date: '2026-01-01', left: 100 }]);
  });
});
