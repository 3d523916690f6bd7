import { describe, expect, it } from 'vitest';
import { cumulativeFlow, flowRange, type StorySnapshot } from './cumulative-flow';

const at = (date: string, time = '10:00:00') => `${date}T${time}.000Z`;
const snap = (
  date: string,
  storyId: string,
  statusId: string,
  deleted = false,
  time?: string,
): StorySnapshot => ({
  at: at(date, time),
  storyId,
  statusId,
  deleted,
});

describe('cumulative flow', () => {
  it('counts each story once per day, in the status it ended that day in', () => {
    // Hand-computed: day 1 A and B are created (todo); day 2 A starts and B is done by the end of day 2
    // after passing through doing; day 3 nothing happens; day 4 C is created and deleted the same day, A done.
    const log = [
      snap('2026-03-01', 'A', 'todo'),
      snap('2026-03-01', 'B', 'todo', false, '23:59:59'),
      snap('2026-03-02', 'A', 'doing'),
      snap('2026-03-02', 'B', 'doing'),
      snap('2026-03-02', 'B', 'done', false, '18:00:00'),
      snap('2026-03-04', 'C', 'todo'),
      snap('2026-03-04', 'C', 'todo', true),
      snap('2026-03-04', 'A', 'done'),
    ];
    const days = cumulativeFlow(log, { from: '2026-02-28', to: '2026-03-05' }, ['todo', 'doing', 'done']);
    expect(days).toEqual([
      { date: '2026-02-28', counts: { todo: 0, doing: 0, done: 0 } },
      { date: '2026-03-01', counts: { todo: 2, doing: 0, done: 0 } },
      { date: '2026-03-02', counts: { todo: 0, doing: 1, done: 1 } },
      { date: '2026-03-03', counts: { todo: 0, doing: 1, done: 1 } },
      { date: '2026-03-04', counts: { todo: 0, doing: 0, done: 2 } },
      { date: '2026-03-05', counts: { todo: 0, doing: 0, done: 2 } },
    ]);
  });

  it('starts with the stories made before the range and counts a restored story again', () => {
    const log = [
      snap('2026-01-01', 'A', 'todo'),
      snap('2026-03-02', 'A', 'todo', true),
      snap('2026-03-03', 'A', 'todo'),
    ];
    const days = cumulativeFlow(log, { from: '2026-03-01', to: '2026-03-03' }, ['todo']);
    expect(days.map((d) => d.counts.todo)).toEqual([1, 0, 1]);
  });

  it('defaults to the last 30 days and refuses a reversed or over-long range', () => {
    expect(flowRange({}, '2026-03-30')).toEqual({ from: '2026-03-01', to: '2026-03-30' });
    expect(flowRange({ from: '2026-03-10' }, '2026-03-30')).toEqual({ from: '2026-03-10', to: '2026-03-30' });
    expect(() => flowRange({ from: '2026-03-31', to: '2026-03-30' }, '2026-03-30')).toThrow(/from/);
    expect(() => flowRange({ from: '2025-01-01', to: '2026-03-30' }, '2026-03-30')).toThrow(/366/);
  });
});
