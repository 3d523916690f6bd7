import { describe, expect, it } from 'vitest';
import { moveItem, placementFor } from '../backlog/backlog-order';
import { rankStep } from './rank-step';

/** The rank request a step makes: where the epic lands, as `{before|after}`. */
const placementOf = (order: string[], id: string, step: -1 | 1) => {
  const to = rankStep(order, id, step);
  return to === null ? null : placementFor(moveItem(order, order.indexOf(id), to), id);
};

describe('rankStep', () => {
  const order = ['a', 'b', 'c'];

  it('moves an epic up before the one above it', () => {
    expect(rankStep(order, 'b', -1)).toBe(0);
    expect(placementOf(order, 'b', -1)).toEqual({ before: 'a' });
    expect(placementOf(order, 'c', -1)).toEqual({ after: 'a' });
  });

  it('moves an epic down after the one below it', () => {
    expect(rankStep(order, 'a', 1)).toBe(1);
    expect(placementOf(order, 'a', 1)).toEqual({ after: 'b' });
    expect(placementOf(order, 'b', 1)).toEqual({ after: 'c' });
  });

  it('stays put at either end, and for an epic not on the roadmap', () => {
    expect(rankStep(order, 'a', -1)).toBeNull();
    expect(rankStep(order, 'c', 1)).toBeNull();
    expect(rankStep(order, 'x', 1)).toBeNull();
  });
});
