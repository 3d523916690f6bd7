import { describe, expect, it } from 'vitest';
import { completeSprintBody, planStoriesBody, updateSprintBody } from './sprint';

describe('sprint request bodies', () => {
  it('sends unfinished stories to "backlog" or a sprint id, nothing else', () => {
    expect(completeSprintBody.safeParse({ moveOpenTo: 'backlog' }).success).toBe(true);
    expect(completeSprintBody.safeParse({ moveOpenTo: '0b9c6f1e-2f7a-4c59-9a43-3c1d2b6a8e10' }).success).toBe(
      true,
    );
    const wrong = completeSprintBody.safeParse({ moveOpenTo: 'next sprint' });
    expect(wrong.error?.issues[0]?.message).toBe('must be "backlog" or the id of a planned sprint');
    expect(completeSprintBody.safeParse({}).success).toBe(false);
  });

  it('plans stories by key', () => {
    expect(planStoriesBody.safeParse({ stories: ['SHOP-1', 'SHOP-22'] }).success).toBe(true);
    expect(planStoriesBody.safeParse({ stories: [] }).success).toBe(false);
    expect(planStoriesBody.safeParse({ stories: ['shop 1'] }).success).toBe(false);
  });

  it('edits any field, clears dates with null and trims the name', () => {
    expect(updateSprintBody.parse({ name: ' Sprint 2 ', endDate: null })).toEqual({
      name: 'Sprint 2',
      endDate: null,
    });
    expect(updateSprintBody.safeParse({ name: '  ' }).success).toBe(false);
    expect(updateSprintBody.safeParse({ startDate: '2025-02-30' }).success).toBe(false);
  });
});
