import { describe, expect, it } from 'vitest';
import { createEpicBody, roadmapRankBody, updateEpicBody } from './epic';

const EPIC = '0b7e3c1e-8a51-4b55-9d7e-2f0c6f1d2a11';
const OTHER = '6f1d2a11-2f0c-4b55-9d7e-0b7e3c1e8a51';

describe('epic bodies', () => {
  it('needs a title to create and keeps colours in one spelling', () => {
    expect(createEpicBody.safeParse({ outcome: 'x' }).success).toBe(false);
    expect(createEpicBody.parse({ title: ' Checkout ', color: '#A1B2C3' })).toEqual({
      title: 'Checkout',
      color: '#a1b2c3',
    });
    expect(createEpicBody.safeParse({ title: 'x', color: 'red' }).success).toBe(false);
  });

  it('refuses a target before the start, naming the target', () => {
    const result = createEpicBody.safeParse({
      title: 'x',
      startDate: '2025-03-01',
      targetDate: '2025-02-28',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['targetDate']);
    expect(updateEpicBody.safeParse({ startDate: '2025-03-01', targetDate: '2025-03-01' }).success).toBe(
      true,
    );
    expect(updateEpicBody.safeParse({ startDate: '2025-03-02', targetDate: '2025-03-01' }).success).toBe(
      false,
    );
  });

  it('refuses an edit that changes nothing', () => {
    expect(updateEpicBody.safeParse({}).success).toBe(false);
    expect(updateEpicBody.safeParse({ rank: 'a0' }).success).toBe(false);
    expect(updateEpicBody.safeParse({ startDate: null }).success).toBe(true);
  });

  it('asks the roadmap rank where the epic goes, never next to itself', () => {
    expect(roadmapRankBody.safeParse({ epic: EPIC }).success).toBe(false);
    expect(roadmapRankBody.safeParse({ epic: EPIC, after: EPIC }).success).toBe(false);
    expect(roadmapRankBody.safeParse({ epic: EPIC, before: OTHER }).success).toBe(true);
  });
});
