import { describe, expect, it } from 'vitest';
import type { Burndown, Velocity } from '@ordo/domain';
import {
  burndownPlot,
  cumulativeFlowPlot,
  dayLabelIndexes,
  flowRangeOf,
  valueTicks,
  velocityBars,
} from './charts';

describe('burndownPlot', () => {
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
    const plot = burndownPlot(burndown, { width: 200, height: 100 });
    expect(plot.remaining).toBe('0,0 100,50');
    expect(plot.ideal).toBe('0,0 100,50 200,100');
    expect(plot.ticks).toEqual([0, 5, 10]);
  });
  it('marks the one day of a sprint that just started, so it shows without a line', () => {
    const first = {
      ...burndown,
      committedPoints: 19,
      days: [
        { ...burndown.days[0]!, remaining: 19, ideal: 19 },
        { ...burndown.days[2]!, ideal: 0 },
      ],
    };
    const plot = burndownPlot(first, { width: 200, height: 100 });
    expect(plot.top).toBe(20);
    expect(plot.marks).toEqual([{ x: 0, y: 5, value: 19 }]);
  });
  it('makes room for scope added above the commitment', () => {
    const grown = { ...burndown, days: [{ ...burndown.days[0]!, remaining: 20 }] };
    expect(burndownPlot(grown, { width: 200, height: 100 }).top).toBe(20);
  });
});

describe('valueTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten up to the first tick at or above the top', () => {
    expect(valueTicks(19)).toEqual([0, 5, 10, 15, 20]);
    expect(valueTicks(104)).toEqual([0, 50, 100, 150]);
    expect(valueTicks(3)).toEqual([0, 1, 2, 3]);
    expect(valueTicks(0)).toEqual([0]);
  });
});

describe('dayLabelIndexes', () => {
  it('labels every day of a short sprint', () => {
    expect(dayLabelIndexes(5)).toEqual([0, 1, 2, 3, 4]);
  });
  it('spaces the labels of a long sprint and always names the last day', () => {
    expect(dayLabelIndexes(14)).toEqual([0, 2, 4, 6, 8, 10, 13]);
    expect(dayLabelIndexes(15)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
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

describe('cumulativeFlowPlot', () => {
  const statuses = [
    { id: 'todo', name: 'To Do', category: 'todo' as const },
    { id: 'doing', name: 'In Progress', category: 'in_progress' as const },
    { id: 'done', name: 'Done', category: 'done' as const },
  ];
  it('stacks the statuses with done at the bottom, each band between its floor and its top', () => {
    const plot = cumulativeFlowPlot(
      {
        statuses,
        days: [
          { date: '2025-01-01', counts: { todo: 4, doing: 0, done: 0 } },
          { date: '2025-01-02', counts: { todo: 2, doing: 1, done: 1 } },
        ],
      },
      { width: 100, height: 100 },
    );
    expect(plot.top).toBe(4);
    expect(plot.bands.map((b) => [b.name, b.latest])).toEqual([
      ['Done', 1],
      ['In Progress', 1],
      ['To Do', 2],
    ]);
    // Done: 0 then 1 story (of 4) from the bottom; To Do fills from 0-then-2 up to 4 on both days.
    expect(plot.bands[0]!.area).toBe('0,100 100,75 100,100 0,100');
    expect(plot.bands[2]!.area).toBe('0,0 100,0 100,50 0,100');
  });

  it('spreads a single day across the chart, and an empty project still has a scale of whole stories', () => {
    const one = cumulativeFlowPlot(
      { statuses, days: [{ date: '2025-01-01', counts: { todo: 0, doing: 0, done: 0 } }] },
      { width: 100, height: 100 },
    );
    expect(one.ticks).toEqual([0, 1, 2, 3, 4]);
    expect(one.bands[0]!.area).toBe('0,100 100,100 100,100 0,100');
  });
});

describe('flowRangeOf', () => {
  const today = '2025-03-10';
  it('covers a closed sprint’s days, a running one’s up to today, or the last n days', () => {
    const closed = { startDate: '2025-02-03', endDate: '2025-02-14' };
    expect(flowRangeOf({ sprint: closed }, today)).toEqual({ from: '2025-02-03', to: '2025-02-14' });
    const running = { startDate: '2025-03-03', endDate: '2025-03-14' };
    expect(flowRangeOf({ sprint: running }, today)).toEqual({ from: '2025-03-03', to: today });
    expect(flowRangeOf({ days: 90 }, today)).toEqual({ from: '2024-12-11', to: today });
  });
  it('falls back to 30 days for a sprint without dates or starting later', () => {
    const last30 = { from: '2025-02-09', to: today };
    expect(flowRangeOf({ sprint: { startDate: null, endDate: null } }, today)).toEqual(last30);
    expect(flowRangeOf({ sprint: { startDate: '2025-04-01', endDate: null } }, today)).toEqual(last30);
  });
});
