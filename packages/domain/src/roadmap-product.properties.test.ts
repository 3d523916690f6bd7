import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRoadmap } from './roadmap';
import { buildProductRoadmap, type ProductRoadmapInput, type TeamInput } from './roadmap-product';
import { closedSprints, epic, product, story, team, TODAY } from './roadmap-product.fixtures';
import { STORY_POINTS } from './schemas/story';

const EPIC_IDS = ['e0', 'e1', 'e2', 'e3'];
const RUNS = { numRuns: 40 };

const teamArb = (key: string) =>
  fc
    .record({
      stories: fc.array(
        fc.record({
          epic: fc.option(fc.constantFrom(...EPIC_IDS), { nil: null }),
          points: fc.option(fc.constantFrom(...STORY_POINTS), { nil: null, freq: 6 }),
          done: fc.nat(4).map((n) => n === 0),
        }),
        { maxLength: 15 },
      ),
      velocities: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 5 }),
      days: fc.constantFrom(7, 10, 14),
      plannedVelocity: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
    })
    .map(({ stories, velocities, days, plannedVelocity }): TeamInput => ({
      ...team(
        key,
        stories.map((s, i) =>
          story(`${key}-${i + 1}`.toLowerCase(), `b${String(i).padStart(3, '0')}`, s.epic, s.points, {
            done: s.done,
          }),
        ),
        closedSprints(velocities, days),
      ),
      plannedVelocity,
    }));

/**
 * A product of two or three teams with `blocks` links between random stories. Links only go forward in a
 * random order of all the stories (every acyclic graph has such an order), so there is never a cycle.
 */
const productArb = fc
  .tuple(teamArb('APP'), teamArb('WEB'), fc.option(teamArb('OPS'), { nil: null }))
  .chain(([a, b, c]) => {
    const teams = c ? [a, b, c] : [a, b];
    const ids = teams.flatMap((t) => t.stories.map((s) => s.id));
    const pair = fc.tuple(fc.nat(), fc.nat());
    return fc.record({
      teams: fc.constant(teams),
      order: fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }),
      pairs: fc.array(pair, { maxLength: ids.length < 2 ? 0 : 8 }),
      targets: fc.array(fc.option(fc.constantFrom('2025-04-01', '2025-06-01', '2026-01-01'), { nil: null }), {
        minLength: 4,
        maxLength: 4,
      }),
    });
  })
  .map(({ teams, order, pairs, targets }): ProductRoadmapInput => {
    const blocks = pairs.flatMap(([x, y]) => {
      const [from, to] = [x % order.length, y % order.length].sort((m, n) => m - n) as [number, number];
      return from === to ? [] : [{ blocker: order[from] as string, blocked: order[to] as string }];
    });
    return product({
      epics: EPIC_IDS.map((id, i) => epic(id, `a${i}`, targets[i] ?? null)),
      teams,
      blocks,
    });
  });

/** Dates as comparable strings, "no date" (null) being later than any day. */
const day = (date: string | null) => date ?? '\uffff';
const KINDS = ['expected', 'p50', 'p85'] as const;

function notLater(after: ProductRoadmapInput, before: ProductRoadmapInput, epicIds: readonly string[]) {
  const was = new Map(buildProductRoadmap(before).epics.map((e) => [e.epic.id, e.forecast]));
  const now = new Map(buildProductRoadmap(after).epics.map((e) => [e.epic.id, e.forecast]));
  for (const id of epicIds) {
    for (const kind of KINDS) {
      expect(day(now.get(id)?.[kind] ?? null) <= day(was.get(id)?.[kind] ?? null)).toBe(true);
    }
  }
}

const isOpen = (input: ProductRoadmapInput, id: string) =>
  input.teams.some((t) => t.stories.some((s) => s.id === id && !s.done));
const epicOf = (input: ProductRoadmapInput, id: string) =>
  input.teams.flatMap((t) => t.stories).find((s) => s.id === id)?.epicId ?? null;

describe('cross-team forecast properties', { timeout: 30_000 }, () => {
  it('puts P50 no later than P85, nothing before today, and no part after its whole epic', () => {
    fc.assert(
      fc.property(productArb, (input) => {
        for (const entry of buildProductRoadmap(input).epics) {
          for (const f of [entry.forecast, ...entry.teams.map((t) => t.forecast)]) {
            expect(day(f.p50) <= day(f.p85)).toBe(true);
            for (const kind of KINDS) expect(day(f[kind]) >= TODAY).toBe(true);
          }
          for (const part of entry.teams.filter((t) => t.forecast.state !== 'finished')) {
            for (const kind of KINDS)
              expect(day(part.forecast[kind]) <= day(entry.forecast[kind])).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('never delays the blocked epic when a blocker is ranked higher', () => {
    const withPick = productArb.chain((input) => fc.record({ input: fc.constant(input), pick: fc.nat() }));
    fc.assert(
      fc.property(withPick, ({ input, pick }) => {
        const candidates = input.blocks.filter(
          (l) => isOpen(input, l.blocker) && isOpen(input, l.blocked) && epicOf(input, l.blocked) !== null,
        );
        const link = candidates[pick % Math.max(1, candidates.length)];
        fc.pre(link !== undefined);
        const raised = {
          ...input,
          teams: input.teams.map((t) => ({
            ...t,
            stories: t.stories.map((s) => (s.id === link?.blocker ? { ...s, rank: 'a' } : s)),
          })),
        };
        notLater(raised, input, [epicOf(input, link?.blocked ?? '') as string]);
      }),
      RUNS,
    );
  });

  it("never delays any epic when a team's velocity goes up", () => {
    const withPick = productArb.chain((input) =>
      fc.record({ input: fc.constant(input), pick: fc.nat(), more: fc.integer({ min: 1, max: 20 }) }),
    );
    fc.assert(
      fc.property(withPick, ({ input, pick, more }) => {
        const t = pick % input.teams.length;
        const faster = input.teams.map((one, i): TeamInput => {
          if (i !== t) return one;
          if (one.sprints.length === 0) return { ...one, plannedVelocity: (one.plannedVelocity ?? 0) + more };
          const sprints = one.sprints.map((s) => ({
            ...s,
            completedPoints: (s.completedPoints ?? 0) + more,
          }));
          return { ...one, sprints };
        });
        notLater({ ...input, teams: faster }, input, EPIC_IDS);
      }),
      RUNS,
    );
  });

  it('gives the same answer whatever order the stories and links were loaded in', () => {
    fc.assert(
      fc.property(productArb, (input) => {
        const shuffled = {
          ...input,
          epics: [...input.epics].reverse(),
          blocks: [...input.blocks].reverse(),
          teams: input.teams.map((t) => ({ ...t, stories: [...t.stories].reverse() })),
        };
        expect(buildProductRoadmap(shuffled)).toEqual(buildProductRoadmap(input));
      }),
      { numRuns: 15 },
    );
  });

  it("agrees with a single team's own roadmap on the expected dates when nothing blocks", () => {
    fc.assert(
      fc.property(teamArb('APP'), (one) => {
        const input = product({ epics: EPIC_IDS.map((id, i) => epic(id, `a${i}`)), teams: [one] });
        const own = buildRoadmap({ ...one, today: TODAY, epics: input.epics, feedbackCounts: new Map() });
        const cross = buildProductRoadmap(input);
        expect(cross.epics.map((e) => [e.forecast.expected, e.forecast.state])).toEqual(
          own.epics.map((e) => [e.forecast.expected, e.forecast.state]),
        );
      }),
      RUNS,
    );
  });
});
