import { describe, expect, it } from 'vitest';
import { buildBoard } from './board';
import type { Status } from './schemas/project';

const statuses: Status[] = [
  { id: 'todo', name: 'To Do', category: 'todo', wipLimit: null },
  { id: 'doing', name: 'In Progress', category: 'in_progress', wipLimit: 2 },
  { id: 'review', name: 'In Review', category: 'in_progress', wipLimit: 1 },
  { id: 'done', name: 'Done', category: 'done', wipLimit: null },
];
const card = (key: string, statusId: string, rank: string, assigneeId: string | null = null) => ({
  key,
  statusId,
  rank,
  assigneeId,
});
const stories = [
  card('S-1', 'doing', 'a3', 'ann'),
  card('S-2', 'todo', 'a1'),
  card('S-3', 'doing', 'a0', 'bob'),
  card('S-4', 'doing', 'a2', 'bob'),
  card('S-5', 'review', 'a4', 'ann'),
];

describe('the board', () => {
  it('has one column per status in workflow order, each in rank order', () => {
    const columns = buildBoard(statuses, stories);
    expect(columns.map((c) => [c.status.name, c.stories.map((s) => s.key)])).toEqual([
      ['To Do', ['S-2']],
      ['In Progress', ['S-3', 'S-4', 'S-1']],
      ['In Review', ['S-5']],
      ['Done', []],
    ]);
  });

  it('flags a column over its WIP limit (3 > 2) but not one at it (1 = 1) or without one', () => {
    const columns = buildBoard(statuses, stories);
    expect(columns.map((c) => [c.wipLimit, c.overLimit])).toEqual([
      [null, false],
      [2, true],
      [1, false],
      [null, false],
    ]);
  });

  it('filters the cards by assignee and still counts every story against the limit', () => {
    const columns = buildBoard(statuses, stories, (s) => s.assigneeId === 'ann');
    expect(columns.map((c) => c.stories.map((s) => s.key))).toEqual([[], ['S-1'], ['S-5'], []]);
    expect(columns[1]?.overLimit).toBe(true);
  });
});
