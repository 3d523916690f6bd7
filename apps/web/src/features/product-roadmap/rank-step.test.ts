import { describe, expect, it } from 'vitest';
import { rankStep } from './rank-step';

describe('rankStep', () => {
  const order = ['a', 'b', 'c'];

  it('moves an epic up before the one above it', () => {
    expect(rankStep(order, 'b', -1)).toEqual({ before: 'a' });
    expect(rankStep(order, 'c', -1)).toEqual({ after: 'a' });
  });

  it('moves an epic down after the one below it', () => {
    expect(rankStep(order, 'a', 1)).toEqual({ after: 'b' });
    expect(rankStep(order, 'b', 1)).toEqual({ after: 'c' });
  });

  it('stays put at either end, and for an epic not on the roadmap', () => {
    expect(rankStep(order, 'a', -1)).toBeNull();
    expect(rankStep(order, 'c', 1)).toBeNull();
    expect(rankStep(order, 'x', 1)).toBeNull();
  });
});
