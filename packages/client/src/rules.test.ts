import { describe, expect, it } from 'vitest';
import { isFatal, nextStep, reconnectDelay } from './rules';

describe('nextStep', () => {
  it('takes the next seq, drops repeats, and spots a gap', () => {
    expect(nextStep(4, 5)).toBe('apply');
    expect(nextStep(4, 4)).toBe('repeat');
    expect(nextStep(4, 2)).toBe('repeat');
    expect(nextStep(4, 6)).toBe('gap');
  });
});

describe('reconnectDelay', () => {
  const backoff = { initialMs: 100, maxMs: 1000 };
  it('doubles from the initial delay and stops at the cap', () => {
    const top = [0, 1, 2, 3, 4, 10, 100].map((attempt) => reconnectDelay(attempt, backoff, () => 1));
    expect(top).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });
  it('jitters within the upper half of the ceiling', () => {
    expect(reconnectDelay(2, backoff, () => 0)).toBe(200);
    expect(reconnectDelay(2, backoff, () => 0.5)).toBe(300);
  });
});

describe('isFatal', () => {
  it('gives up only when reconnecting cannot help', () => {
    expect((['not_found', 'forbidden', 'unauthenticated'] as const).every(isFatal)).toBe(true);
    expect((['rate_limited', 'validation_failed', 'unavailable'] as const).some(isFatal)).toBe(false);
  });
});
