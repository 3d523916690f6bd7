import { describe, expect, it } from 'vitest';
import { buildProductRoadmap, dependencyConflicts } from './roadmap-product';
import { blockersInOrder } from './roadmap-dependencies';
import { closedSprints, epic, product, story, team } from './roadmap-product.fixtures';

// Today is 2025-03-03 and no sprint is active: 14-day sprints end on 03-16, 03-30, 04-13, 04-27, …
const steady = (velocity: number, days = 14) => closedSprints([velocity, velocity, velocity], days);

describe('buildProductRoadmap', () => {
  it('forecasts each team part from its own order and velocity, the epic done when its last part is', () => {
    const roadmap = buildProductRoadmap(
      product({
        epics: [epic('e1', 'a0', '2025-04-01')],
        teams: [
          team('APP', [story('a1', 'a0', 'e1', 10), story('a2', 'a1', 'e1', 5, { done: true })], steady(10)),
          team('WEB', [story('w0', 'a0', null, 10), story('w1', 'a1', 'e1', 5)], steady(5)),
        ],
      }),
    );
    const [entry] = roadmap.epics;
    expect(entry?.teams.map((t) => [t.key, t.forecast.expected, t.forecast.p85])).toEqual([
      ['APP', '2025-03-16', '2025-03-16'],
      ['WEB', '2025-04-13', '2025-04-13'],
    ]);
    expect(entry?.teams[0]?.progress).toEqual({
      donePoints: 5,
      totalPoints: 15,
      doneStories: 1,
      totalStories: 2,
    });
    expect(entry?.progress).toEqual({ donePoints: 5, totalPoints: 20, doneStories: 1, totalStories: 3 });
    expect(entry?.forecast).toMatchObject({ expected: '2025-04-13', p85: '2025-04-13', state: 'forecast' });
    expect(entry?.teams.map((t) => t.atRisk)).toEqual([false, true]);
    expect(entry?.atRisk).toBe(true);
    expect(roadmap.teams.map((t) => [t.key, t.velocity])).toEqual([
      ['APP', 10],
      ['WEB', 5],
    ]);
  });

  it('lists only the teams that hold stories of the epic', () => {
    const roadmap = buildProductRoadmap(
      product({
        epics: [epic('e1', 'a0')],
        teams: [team('APP', [story('a1', 'a0', 'e1', 3)], steady(10)), team('WEB', [], steady(5))],
      }),
    );
    expect(roadmap.epics[0]?.teams.map((t) => t.key)).toEqual(['APP']);
  });

  it('never finishes a story before its blocker, and reports the blocker as a conflict', () => {
    const input = product({
      epics: [epic('e1', 'a0'), epic('e2', 'a1')],
      teams: [
        team('APP', [story('a1', 'a0', 'e1', 5)], steady(10)),
        // At 5 points a sprint WEB's order lands its blocker w2 (at 20 points) in its fourth sprint.
        team('WEB', [story('w1', 'a0', 'e2', 10), story('w2', 'a1', 'e2', 10)], steady(5)),
      ],
      blocks: [{ blocker: 'w2', blocked: 'a1' }],
    });
    const [e1] = buildProductRoadmap(input).epics;
    expect(e1?.forecast.expected).toBe('2025-04-27');
    expect(e1?.blockedBy).toEqual([
      {
        story: 'W2',
        projectKey: 'WEB',
        epicId: 'e2',
        blocks: 'A1',
        blocksProjectKey: 'APP',
        conflict: true,
        finishes: '2025-04-27',
        lands: '2025-03-16',
      },
    ]);
    expect(dependencyConflicts(input)).toEqual(e1?.blockedBy);

    // The WEB PO ranks the blocker first: it lands in WEB's second sprint, still after APP's first.
    const reranked = {
      ...input,
      teams: [
        input.teams[0]!,
        { ...input.teams[1]!, stories: [story('w1', 'a1', 'e2', 10), story('w2', 'a0', 'e2', 10)] },
      ],
    };
    const [moved] = buildProductRoadmap(reranked).epics;
    expect(moved?.forecast.expected).toBe('2025-03-30');
    expect(moved?.blockedBy[0]?.finishes).toBe('2025-03-30');
  });

  it('is no conflict when the blocker lands in the same sprint or earlier', () => {
    const input = product({
      epics: [epic('e1', 'a0')],
      teams: [
        team('APP', [story('a0', 'a0', null, 10), story('a1', 'a1', 'e1', 5)], steady(5)),
        team('WEB', [story('w1', 'a0', null, 5)], steady(5)),
      ],
      blocks: [{ blocker: 'w1', blocked: 'a1' }],
    });
    const [e1] = buildProductRoadmap(input).epics;
    expect(e1?.dependencies.map((d) => [d.story, d.conflict])).toEqual([['W1', false]]);
    expect(e1?.blockedBy).toEqual([]);
    expect(e1?.forecast.expected).toBe('2025-04-13');
  });

  it('waits for a blocker of a team with other sprint lengths until the blocker is done', () => {
    const input = product({
      epics: [epic('e1', 'a0')],
      teams: [
        // APP: 14-day sprints ending 03-16, 03-30; WEB: 10-day sprints ending 03-12, 03-22.
        team('APP', [story('a1', 'a0', 'e1', 5)], steady(10)),
        team('WEB', [story('w0', 'a0', null, 10), story('w1', 'a1', null, 5)], steady(10, 10)),
      ],
      blocks: [{ blocker: 'w1', blocked: 'a1' }],
    });
    const [e1] = buildProductRoadmap(input).epics;
    expect(e1?.blockedBy[0]).toMatchObject({ finishes: '2025-03-22', lands: '2025-03-16' });
    expect(e1?.forecast.expected).toBe('2025-03-22');
  });

  it('ignores a done blocker and a done blocked story', () => {
    const input = product({
      epics: [epic('e1', 'a0')],
      teams: [
        team('APP', [story('a1', 'a0', 'e1', 5), story('a2', 'a1', 'e1', 5, { done: true })], steady(10)),
        team(
          'WEB',
          [
            story('w0', 'a0', null, 40),
            story('w1', 'a1', null, 5, { done: true }),
            story('w2', 'a2', null, 5),
          ],
          steady(5),
        ),
      ],
      blocks: [
        { blocker: 'w1', blocked: 'a1' },
        { blocker: 'w2', blocked: 'a2' },
      ],
    });
    const [e1] = buildProductRoadmap(input).epics;
    expect(e1?.dependencies).toEqual([]);
    expect(e1?.forecast.expected).toBe('2025-03-16');
  });

  it('says no_velocity for the epic when a team with open stories of it has no velocity', () => {
    const roadmap = buildProductRoadmap(
      product({
        epics: [epic('e1', 'a0')],
        teams: [
          team('APP', [story('a1', 'a0', 'e1', 5)], steady(10)),
          team('WEB', [story('w1', 'a0', 'e1', 5)], []),
        ],
      }),
    );
    expect(roadmap.epics[0]?.teams.map((t) => t.forecast.state)).toEqual(['forecast', 'no_velocity']);
    expect(roadmap.epics[0]?.forecast).toMatchObject({ state: 'no_velocity', p85: null });
  });

  it('finds misalignment per team and for the whole epic', () => {
    const roadmap = buildProductRoadmap(
      product({
        epics: [epic('e1', 'a0'), epic('e2', 'a1')],
        teams: [
          team('APP', [story('a1', 'a0', 'e1', 5), story('a2', 'a1', 'e2', 5)], steady(10)),
          team('WEB', [story('w1', 'a0', 'e2', 5), story('w2', 'a1', 'e1', 5)], steady(10)),
        ],
      }),
    );
    const [e1] = roadmap.epics;
    expect(e1?.teams.map((t) => [t.key, t.misalignedWith])).toEqual([
      ['APP', []],
      ['WEB', ['e2']],
    ]);
    expect(e1?.misalignedWith).toEqual(['e2']);
  });

  it('gives a finished epic no dates and an empty one no_stories', () => {
    const roadmap = buildProductRoadmap(
      product({
        epics: [epic('e1', 'a0'), epic('e2', 'a1')],
        teams: [team('APP', [story('a1', 'a0', 'e1', 5, { done: true })], steady(10))],
      }),
    );
    expect(roadmap.epics.map((e) => e.forecast.state)).toEqual(['finished', 'no_stories']);
  });

  it('survives a cycle in the data without waiting forever', () => {
    const input = product({
      epics: [epic('e1', 'a0')],
      teams: [team('APP', [story('a1', 'a0', 'e1', 5), story('a2', 'a1', 'e1', 5)], steady(10))],
      blocks: [
        { blocker: 'a1', blocked: 'a2' },
        { blocker: 'a2', blocked: 'a1' },
      ],
    });
    expect(buildProductRoadmap(input).epics[0]?.forecast.expected).toBe('2025-03-16');
  });
});

describe('blocks graph', () => {
  it('orders blockers before what they block', () => {
    const { order } = blockersInOrder(4, [
      { blocker: 3, blocked: 0 },
      { blocker: 2, blocked: 3 },
      { blocker: 1, blocked: 2 },
    ]);
    expect(order).toEqual([1, 2, 3, 0]);
  });
});
