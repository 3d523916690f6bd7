import { describe, expect, it } from 'vitest';
import { summarizeStory } from '@ordo/domain';
import { makeSprint, makeStory, rankedStories } from '../../test/fixtures';
import { capacityBar, planInBacklog, planInSprint, suggestedDates } from './planning-state';
import type { SprintDetail } from './queries';

describe('capacityBar', () => {
  it('fills up to the velocity', () => {
    expect(capacityBar(15, 20)).toEqual({ percent: 75, isOver: false, label: '15 of 20 points · 5 left' });
  });
  it('says how far over the velocity a plan goes, and stops drawing at full', () => {
    expect(capacityBar(26, 20)).toEqual({
      percent: 100,
      isOver: true,
      label: '26 of 20 points · 6 over the velocity',
    });
  });
  it('explains a first sprint without velocity', () => {
    expect(capacityBar(8, null).label).toBe('8 points planned · no velocity yet (first sprint)');
    expect(capacityBar(0, null).percent).toBe(0);
  });
});

describe('planning moves', () => {
  const sprint = makeSprint();
  const [a, b, c] = rankedStories(3, { points: 3, acceptanceCriteria: [{ text: 'ok', done: false }] });
  const detail: SprintDetail = { sprint, stories: [], plannedPoints: 0, capacity: 10 };

  it('pulls stories into the sprint in rank order and counts their points', () => {
    const planned = planInSprint(planInSprint(detail, c!, true), a!, true);
    expect(planned.stories.map((s) => s.key)).toEqual([a!.key, c!.key]);
    expect(planned.plannedPoints).toBe(6);
    expect(planned.stories.every((s) => s.sprintId === sprint.id && s.ready)).toBe(true);
  });
  it('sends a story back to its place in the backlog', () => {
    const backlog = { items: [a!, c!].map(summarizeStory) };
    expect(planInBacklog(backlog, b!, true).items.map((s) => s.key)).toEqual([a!.key, b!.key, c!.key]);
    expect(planInBacklog(backlog, a!, false).items.map((s) => s.key)).toEqual([c!.key]);
  });
  it('marks a story without an estimate as not ready', () => {
    const planned = planInSprint(detail, makeStory({ points: null }), true);
    expect(planned.stories[0]?.ready).toBe(false);
    expect(planned.plannedPoints).toBe(0);
  });
});

describe('suggestedDates', () => {
  it('offers two weeks from today', () => {
    expect(suggestedDates(new Date('2025-03-03T10:00:00Z'))).toEqual({
      startDate: '2025-03-03',
      endDate: '2025-03-17',
    });
  });
});
