import { describe, expect, it } from 'vitest';
import { buildRoadmap, workQueue, type RoadmapInput, type RoadmapSprint, type RoadmapStory } from './roadmap';
import { epic } from './roadmap-product.fixtures';

const story = (
  id: string,
  rank: string,
  epicId: string | null,
  points: number | null,
  more: Partial<RoadmapStory> = {},
) => ({
  id,
  rank,
  epicId,
  points,
  sprintId: null,
  done: false,
  ...more,
});

const sprint = (
  id: string,
  state: RoadmapSprint['state'],
  more: Partial<RoadmapSprint> = {},
): RoadmapSprint => ({
  id,
  state,
  startDate: null,
  endDate: null,
  committedPoints: null,
  completedPoints: null,
  completedAt: null,
  ...more,
});

const input = (more: Partial<RoadmapInput>): RoadmapInput => ({
  today: '2025-01-06',
  seedKey: 'project',
  epics: [],
  stories: [],
  sprints: [],
  plannedVelocity: null,
  feedbackCounts: new Map(),
  ...more,
});

describe('workQueue', () => {
  it('puts the active sprint first, then planned sprints by start date, then the backlog, by rank within', () => {
    const sprints = [
      sprint('later', 'planned', { startDate: '2025-02-01' }),
      sprint('next', 'planned', { startDate: '2025-01-20' }),
      sprint('now', 'active'),
    ];
    const stories = [
      story('b1', 'a0', null, 1),
      story('l1', 'a1', null, 1, { sprintId: 'later' }),
      story('n1', 'a2', null, 1, { sprintId: 'next' }),
      story('a1', 'a3', null, 1, { sprintId: 'now' }),
      story('done', 'a4', null, 1, { sprintId: 'now', done: true }),
      story('a0', 'Z', null, 1, { sprintId: 'now' }),
    ];
    expect(workQueue(stories, sprints).map((s) => s.id)).toEqual(['a0', 'a1', 'n1', 'l1', 'b1']);
  });
});

describe('buildRoadmap, computed by hand', () => {
  // Planned velocity 10 a sprint, 14-day sprints from Monday 2025-01-06: sprint 1 ends 01-19, 2 ends 02-02,
  // 3 ends 02-16. Backlog: A1 5, A2 5, B1 8, A3 3. B's last story is at 18 points (sprint 2), A's at 21
  // (sprint 3), although the roadmap puts A first.
  const epics = [epic('B', 'a1', '2025-02-02'), epic('A', 'a0', '2025-02-10')];
  const stories = [
    story('A1', 'a0', 'A', 5),
    story('A2', 'a1', 'A', 5),
    story('B1', 'a2', 'B', 8),
    story('A3', 'a3', 'A', 3),
    story('A0', 'Z0', 'A', 2, { done: true }),
  ];
  const roadmap = buildRoadmap(
    input({ epics, stories, plannedVelocity: 10, feedbackCounts: new Map([['B', 2]]) }),
  );

  it('lists the epics in roadmap order with progress and planned dates', () => {
    expect(roadmap.velocity).toBe(10);
    expect(roadmap.basis).toEqual({
      source: 'planned_velocity',
      samples: [10],
      sprintLengthDays: 14,
      confidence: 'low',
      firstSprintEnd: '2025-01-19',
    });
    expect(roadmap.epics.map((e) => e.epic.id)).toEqual(['A', 'B']);
    expect(roadmap.epics[0]?.progress).toEqual({
      donePoints: 2,
      totalPoints: 15,
      doneStories: 1,
      totalStories: 4,
    });
    expect(roadmap.epics[1]?.planned).toEqual({ start: null, target: '2025-02-02' });
    expect(roadmap.epics.map((e) => e.feedbackCount)).toEqual([0, 2]);
  });

  it('forecasts each epic at the end of the sprint where its last story lands', () => {
    const [a, b] = roadmap.epics;
    expect(a?.forecast).toEqual({
      p50: '2025-02-16',
      p85: '2025-02-16',
      expected: '2025-02-16',
      confidence: 'low',
      state: 'forecast',
    });
    expect(b?.forecast).toMatchObject({ p50: '2025-02-02', p85: '2025-02-02' });
  });

  it('flags an epic at risk only when its P85 passes the target', () => {
    expect(roadmap.epics.map((e) => e.atRisk)).toEqual([true, false]);
  });

  it('names the later epics that the backlog finishes first', () => {
    expect(roadmap.epics.map((e) => e.misalignedWith)).toEqual([['B'], []]);
  });

  it('agrees again once the PO ranks the first epic above the other', () => {
    const reranked = stories.map((s) => (s.id === 'A3' ? { ...s, rank: 'a15' } : s));
    const after = buildRoadmap(input({ epics, stories: reranked, plannedVelocity: 10 }));
    expect(after.epics.map((e) => e.misalignedWith)).toEqual([[], []]);
    expect(after.epics.map((e) => e.forecast.p85)).toEqual(['2025-02-02', '2025-02-16']);
    expect(after.epics.map((e) => e.atRisk)).toEqual([false, true]);
  });
});

describe('buildRoadmap with an active sprint', () => {
  // No closed sprint: the active sprint's 20 committed points are the velocity. 5 of them are done, so the
  // active sprint (ending 01-19) still has room for 15. Queue: Y 8 (A), Z 13 (B, 21 in all), W 20 (A, 41).
  // B: 21 > 15, one more sprint: ends 02-02. A: 41 - 15 = 26 = two more sprints: ends 02-16.
  const active = sprint('S', 'active', {
    startDate: '2025-01-06',
    endDate: '2025-01-19',
    committedPoints: 20,
  });
  const roadmap = buildRoadmap(
    input({
      today: '2025-01-10',
      epics: [epic('A', 'a0'), epic('B', 'a1'), epic('C', 'a2'), epic('D', 'a3')],
      sprints: [active],
      stories: [
        story('X', 'a0', 'A', 5, { sprintId: 'S', done: true }),
        story('Y', 'a1', 'A', 8, { sprintId: 'S' }),
        story('Z', 'a2', 'B', 13),
        story('W', 'a3', 'A', 20),
        story('C1', 'a4', 'C', 3, { done: true }),
      ],
    }),
  );

  it('fills the rest of the active sprint first', () => {
    expect(roadmap.basis).toMatchObject({
      source: 'active_sprint',
      sprintLengthDays: 14,
      firstSprintEnd: '2025-01-19',
    });
    expect(roadmap.epics.map((e) => e.forecast.p50)).toEqual(['2025-02-16', '2025-02-02', null, null]);
  });

  it('has no forecast date for a finished epic or an empty one', () => {
    expect(roadmap.epics[2]?.forecast).toEqual({
      p50: null,
      p85: null,
      expected: null,
      confidence: 'high',
      state: 'finished',
    });
    expect(roadmap.epics[3]?.forecast).toMatchObject({ p85: null, confidence: 'low', state: 'no_stories' });
  });
});

describe('buildRoadmap edge cases', () => {
  it('has no dates without any velocity', () => {
    const roadmap = buildRoadmap(
      input({ epics: [epic('A', 'a0', '2025-01-07')], stories: [story('A1', 'a0', 'A', 3)] }),
    );
    expect(roadmap.velocity).toBeNull();
    expect(roadmap.epics[0]).toMatchObject({ forecast: { p50: null, state: 'no_velocity' }, atRisk: false });
  });

  it('has no dates when the closed sprints delivered nothing', () => {
    const idle = sprint('c1', 'closed', { completedPoints: 0, completedAt: '2025-01-03T00:00:00Z' });
    const roadmap = buildRoadmap(
      input({ epics: [epic('A', 'a0')], stories: [story('A1', 'a0', 'A', 3)], sprints: [idle] }),
    );
    expect(roadmap.velocity).toBe(0);
    expect(roadmap.epics[0]?.forecast.state).toBe('no_velocity');
  });

  it('is at risk past the horizon when it has a target', () => {
    const roadmap = buildRoadmap(
      input({
        epics: [epic('A', 'a0', '2030-01-01')],
        stories: [story('A1', 'a0', 'A', 100)],
        plannedVelocity: 0.1,
      }),
    );
    expect(roadmap.epics[0]).toMatchObject({
      forecast: { p85: null, state: 'beyond_horizon' },
      atRisk: true,
    });
  });

  it('lowers confidence when stories ahead have no estimate', () => {
    const closed = [1, 2, 3].map((n) =>
      sprint(`c${n}`, 'closed', { completedPoints: 10, completedAt: `2025-01-0${n}T00:00:00Z` }),
    );
    const roadmap = buildRoadmap(
      input({
        epics: [epic('A', 'a0'), epic('B', 'a1')],
        sprints: closed,
        stories: [story('A1', 'a0', 'A', 3), story('U', 'a1', null, null), story('B1', 'a2', 'B', 5)],
      }),
    );
    expect(roadmap.epics.map((e) => e.forecast.confidence)).toEqual(['high', 'low']);
  });
});
