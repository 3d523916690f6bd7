import { describe, expect, it } from 'vitest';
import { attentionFlags, epicsText, portfolioTotals, velocityText } from './portfolio-summary';

const product = (key: string, teams: number, epics: Partial<Record<string, number>>) => ({
  product: { id: `00000000-0000-4000-8000-00000000000${teams}`, key, name: key, vision: '', createdAt: '' },
  teams: Array.from({ length: teams }, (_, i) => ({ key: `${key}${i}`, name: `T${i}`, velocity: null })),
  epics: { total: 0, atRisk: 0, misaligned: 0, conflicts: 0, ...epics },
  nextTarget: null,
});

describe('portfolioTotals', () => {
  it('sums teams and epics over the products', () => {
    const totals = portfolioTotals([
      product('SHOP', 2, { total: 4, atRisk: 1, conflicts: 1 }),
      product('OPS', 1, { total: 3, atRisk: 2, misaligned: 1 }),
    ]);
    expect(totals).toEqual({ products: 2, teams: 3, epics: 7, atRisk: 3, misaligned: 1, conflicts: 1 });
  });

  it('is all zeros for an empty portfolio', () => {
    expect(portfolioTotals([])).toEqual({
      products: 0,
      teams: 0,
      epics: 0,
      atRisk: 0,
      misaligned: 0,
      conflicts: 0,
    });
  });
});

describe('attentionFlags', () => {
  it('puts dependency conflicts first, then risk, then misalignment', () => {
    const flags = attentionFlags({ total: 5, atRisk: 2, misaligned: 1, conflicts: 1 });
    expect(flags.map((f) => [f.text, f.tone])).toEqual([
      ['1 epic in dependency conflict', 'danger'],
      ['2 at risk', 'warn'],
      ['1 misaligned', 'warn'],
    ]);
  });

  it('says nothing when every epic is on track', () => {
    expect(attentionFlags({ total: 3, atRisk: 0, misaligned: 0, conflicts: 0 })).toEqual([]);
  });

  it('counts several conflicting epics in the plural', () => {
    expect(attentionFlags({ total: 3, atRisk: 0, misaligned: 0, conflicts: 2 })[0]?.text).toBe(
      '2 epics in dependency conflict',
    );
  });
});

describe('words', () => {
  it('says a velocity per sprint, rounded to a tenth, or that there is none yet', () => {
    expect(velocityText(null)).toBe('no velocity yet');
    expect(velocityText(1)).toBe('1 point per sprint');
    expect(velocityText(12.345)).toBe('12.3 points per sprint');
  });

  it('counts epics', () => {
    expect(epicsText(1)).toBe('1 epic');
    expect(epicsText(0)).toBe('0 epics');
  });
});
