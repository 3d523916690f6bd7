import { describe, expect, it } from 'vitest';
import { doneStatusIds, isDoneCategory, reopenStatus } from './workflow';

const status = (id: string, category: 'todo' | 'in_progress' | 'done') => ({ id, category });

describe('workflow rules', () => {
  it('reopens a rejected story in the first in-progress status, else the first todo one', () => {
    const todo = status('t', 'todo');
    const doing = status('d', 'in_progress');
    const review = status('r', 'in_progress');
    expect(reopenStatus([todo, doing, review, status('x', 'done')])).toBe(doing);
    expect(reopenStatus([status('x', 'done'), todo])).toBe(todo);
    expect(reopenStatus([status('x', 'done')])).toBeUndefined();
  });

  it('knows done by the category only', () => {
    expect(isDoneCategory('done')).toBe(true);
    expect(isDoneCategory('in_progress')).toBe(false);
    expect(isDoneCategory(undefined)).toBe(false);
    expect(doneStatusIds([status('a', 'done'), status('b', 'todo'), status('c', 'done')])).toEqual(
      new Set(['a', 'c']),
    );
  });
});
