import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRoadmap, type RoadmapInput, type RoadmapSprint, type RoadmapStory } from './roadmap';
import { STORY_POINTS } from './schemas/story';
import type { Epic } from './schemas/epic';

const TODAY = '2025-03-03';
const EPIC_IDS = ['e0', 'e1', 'e2', 'e3'];

const oneIn = (n: number) => fc.nat(n - 1).map((k) => k === 0);

/** Random projects: a few epics, stories in the backlog and the active sprint, some sprint history. */
const project = fc
  .record({
    stories: fc.array(
      fc.record({
        epic: fc.option(fc.constantFrom(...EPIC_IDS), { nil: null }),
        points: fc.option(fc.constantFrom(...STORY_POINTS), { nil: null, freq: 6 }),
        done: oneIn(4),
        inActiveSprint: oneIn(5),
      }),
      { maxLength: 40 },
    ),
    velocities: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
    hasActiveSprint: fc.boolean(),
    committed: fc.integer({ min: 0, max: 40 }),
    plannedVelocity: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  })
  .map(({ stories, velocities, hasActiveSprint, committed, plannedVelocity }): RoadmapInput => {
    const closed = velocities.map((v, i): RoadmapSprint => ({
      id: `c${i}`,
      state: 'closed',
      startDate: `2025-01-${String(i + 1).padStart(2, '0')}`,
      endDate: `2025-01-${String(i + 8).padStart(2, '0')}`,
      committedPoints: v,
      completedPoints: v,
      completedAt: `2025-01-${String(i + 8).padStart(2, '0')}T00:00:00Z`,
    }));
    const active: RoadmapSprint[] = hasActiveSprint
      ? [
          {
            id: 'now',
            state: 'active',
            startDate: '2025-03-01',
            endDate: '2025-03-14',
            committedPoints: committed,
            completedPoints: null,
            completedAt: null,
          },
        ]
      : [];
    return {
      today: TODAY,
      seedKey: 'project',
      epics: EPIC_IDS.map((id, i): Epic => ({
        id,
        title: id,
        outcome: '',
        color: '#000000',
        startDate: null,
        targetDate: '2025-06-01',
        status: 'planned',
        rank: `a${i}`,
        createdAt: '2025-01-01T00:00:00Z',
      })),
      stories: stories.map((s, i): RoadmapStory => ({
        id: `s${i}`,
        epicId: s.epic,
        points: s.points,
        rank: `b${String(i).padStart(3, '0')}`,
        sprintId: hasActiveSprint && s.inActiveSprint ? 'now' : null,
        done: s.done,
      })),
      sprints: [...closed, ...active],
      plannedVelocity,
      feedbackCounts: new Map(),
    };
  });

/** Dates as comparable strings, "no date" (null) being later than any day. */
const day = (date: string | null) => date ?? '\uffff';
const datesOf = (input: RoadmapInput) =>
  new Map(buildRoadmap(input).epics.map((e) => [e.epic.id, e.forecast] as const));

function notEarlier(before: RoadmapInput, after: RoadmapInput, epicIds: readonly string[]) {
  const was = datesOf(before);
  const now = datesOf(after);
  for (const id of epicIds) {
    for (const key of ['expected', 'p50', 'p85'] as const) {
      expect(day(now.get(id)?.[key] ?? null) >= day(was.get(id)?.[key] ?? null)).toBe(true);
    }
  }
}

describe('roadmap forecast properties', () => {
  it('never puts P50 after P85, nor any date before today', () => {
    fc.assert(
      fc.property(project, (input) => {
        for (const { forecast } of buildRoadmap(input).epics) {
          expect(day(forecast.p50) <= day(forecast.p85)).toBe(true);
          for (const date of [forecast.p50, forecast.p85, forecast.expected])
            expect(day(date) >= TODAY).toBe(true);
        }
      }),
    );
  });

  it('never makes an epic later when one of its stories is ranked higher', () => {
    const withPick = project.chain((input) => fc.record({ input: fc.constant(input), pick: fc.nat() }));
    fc.assert(
      fc.property(withPick, ({ input, pick }) => {
        const candidates = input.stories.filter((s) => s.epicId !== null && s.sprintId === null && !s.done);
        const moved = candidates[pick % Math.max(1, candidates.length)];
        fc.pre(moved !== undefined);
        const top = { ...moved, rank: 'a' };
        const after = { ...input, stories: input.stories.map((s) => (s.id === moved?.id ? top : s)) };
        notEarlier(after, input, [moved?.epicId ?? '']);
      }),
    );
  });

  it('never makes anything earlier when points are added', () => {
    const withPick = project.chain((input) =>
      fc.record({ input: fc.constant(input), pick: fc.nat(), more: fc.integer({ min: 1, max: 20 }) }),
    );
    fc.assert(
      fc.property(withPick, ({ input, pick, more }) => {
        const target = input.stories[pick % Math.max(1, input.stories.length)];
        fc.pre(target !== undefined);
        const heavier = { ...target, points: (target?.points ?? 0) + more };
        const after = { ...input, stories: input.stories.map((s) => (s.id === target?.id ? heavier : s)) };
        notEarlier(input, after, EPIC_IDS);
      }),
    );
  });

  it('gives a finished epic no forecast date', () => {
    fc.assert(
      fc.property(project, (input) => {
        const roadmap = buildRoadmap(input);
        for (const entry of roadmap.epics) {
          const mine = input.stories.filter((s) => s.epicId === entry.epic.id);
          if (mine.length === 0 || mine.some((s) => !s.done)) continue;
          expect(entry.forecast).toMatchObject({ p50: null, p85: null, expected: null, state: 'finished' });
          expect(entry.atRisk).toBe(false);
        }
      }),
    );
  });

  it('gives the same answer for the same data, whatever order it was loaded in', () => {
    fc.assert(
      fc.property(project, (input) => {
        const reversed = {
          ...input,
          stories: [...input.stories].reverse(),
          epics: [...input.epics].reverse(),
        };
        expect(buildRoadmap(reversed)).toEqual(buildRoadmap(input));
      }),
      { numRuns: 30 },
    );
  });
});
