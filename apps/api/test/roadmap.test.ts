import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Team, type TestApp } from './harness';
import { expectInvalid } from './expect';
import { addStory, closeSprints, createEpic, daysFrom, eventsOf, finishStory, todayUtc } from './pm-helpers';
import { twoTeamProduct } from './product-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Entry {
  epic: { id: string; title: string; rank: string };
  progress: Record<string, number>;
  planned: { start: string | null; target: string | null };
  forecast: {
    p50: string | null;
    p85: string | null;
    expected: string | null;
    confidence: string;
    state: string;
  };
  atRisk: boolean;
  misalignedWith: string[];
  feedbackCount: number;
}
const roadmapOf = async (team: Team) =>
  (await team.stakeholder.get(`/api/projects/${team.key}/roadmap`)).body as {
    velocity: number | null;
    basis: Record<string, unknown>;
    epics: Entry[];
  };
const entryOf = (roadmap: { epics: Entry[] }, title: string) =>
  roadmap.epics.find((e) => e.epic.title === title)!;

describe('the roadmap of a new project', () => {
  it('has no velocity and no epics', async () => {
    const team = await t.projectWithTeam();
    const reply = await team.outsider.get(`/api/projects/${team.key}/roadmap`);
    expect(reply.status).toBe(404);
    const roadmap = await roadmapOf(team);
    expect(roadmap).toMatchObject({
      velocity: null,
      basis: { source: 'none', confidence: 'low' },
      epics: [],
    });
  });
});

describe('the forecast, computed by hand', () => {
  // Three closed two-week sprints of 10 points: velocity 10, every trial alike. No active sprint, so
  // sprint 1 ends today + 13, sprint 2 today + 27, sprint 3 today + 41.
  // Backlog: P1 5 (Payments), S1 8 (Search) → 13, S2 2 (Search) → 15, P2 8 (Payments) → 23.
  let team: Team;
  let stories: Record<string, { key: string }>;
  const today = todayUtc();
  const sprintEnd = (n: number) => daysFrom(today, 13 + 14 * (n - 1));

  beforeAll(async () => {
    team = await t.projectWithTeam();
    await closeSprints(t, team, [10, 10, 10]);
    const payments = await createEpic(team, { title: 'Payments', targetDate: daysFrom(today, 30) });
    const search = await createEpic(team, { title: 'Search', targetDate: sprintEnd(2) });
    await createEpic(team, { title: 'Empty' });
    const done = await addStory(team, 'P0', 3, payments.id);
    await finishStory(team, done.key);
    stories = {
      P1: await addStory(team, 'P1', 5, payments.id),
      S1: await addStory(team, 'S1', 8, search.id),
      S2: await addStory(team, 'S2', 2, search.id),
      P2: await addStory(team, 'P2', 8, payments.id),
    };
  });

  it('shows progress, plan and forecast per epic in roadmap order', async () => {
    const roadmap = await roadmapOf(team);
    expect(roadmap.velocity).toBe(10);
    expect(roadmap.basis).toEqual({
      source: 'closed_sprints',
      samples: [10, 10, 10],
      sprintLengthDays: 14,
      confidence: 'high',
      firstSprintEnd: sprintEnd(1),
    });
    expect(roadmap.epics.map((e) => e.epic.title)).toEqual(['Payments', 'Search', 'Empty']);
    const payments = entryOf(roadmap, 'Payments');
    expect(payments.progress).toEqual({ donePoints: 3, totalPoints: 16, doneStories: 1, totalStories: 3 });
    expect(payments.planned).toEqual({ start: null, target: daysFrom(today, 30) });
    expect(payments.forecast).toEqual({
      p50: sprintEnd(3),
      p85: sprintEnd(3),
      expected: sprintEnd(3),
      confidence: 'high',
      state: 'forecast',
    });
    expect(entryOf(roadmap, 'Search').forecast).toMatchObject({ p50: sprintEnd(2), p85: sprintEnd(2) });
    expect(entryOf(roadmap, 'Empty').forecast).toMatchObject({ p50: null, p85: null, state: 'no_stories' });
  });

  it('flags what is at risk and where the backlog disagrees with the roadmap', async () => {
    const roadmap = await roadmapOf(team);
    const search = entryOf(roadmap, 'Search');
    expect(entryOf(roadmap, 'Payments')).toMatchObject({ atRisk: true, misalignedWith: [search.epic.id] });
    expect(search).toMatchObject({ atRisk: false, misalignedWith: [] });
  });

  it('moves when the PO re-ranks the backlog, as the PM would expect', async () => {
    const moved = await team.po.post(`/api/projects/${team.key}/backlog/rank`, {
      story: stories.P2!.key,
      before: stories.S1!.key,
    });
    expect(moved.status).toBe(200);
    // Now P1 5, P2 8 → 13 (Payments, sprint 2), S1 8 → 21, S2 2 → 23 (Search, sprint 3).
    const roadmap = await roadmapOf(team);
    expect(entryOf(roadmap, 'Payments')).toMatchObject({
      forecast: { p85: sprintEnd(2) },
      atRisk: false,
      misalignedWith: [],
    });
    expect(entryOf(roadmap, 'Search')).toMatchObject({
      forecast: { p85: sprintEnd(3) },
      atRisk: true,
      misalignedWith: [],
    });
  });

  it('shows the PM’s re-ordering against the backlog too', async () => {
    const { search, payments } = Object.fromEntries(
      (await roadmapOf(team)).epics.map((e) => [e.epic.title.toLowerCase(), e.epic.id]),
    );
    const reply = await team.pm.post(`/api/projects/${team.key}/roadmap/rank`, {
      epic: search,
      before: payments,
    });
    expect(reply.status).toBe(200);
    const roadmap = await roadmapOf(team);
    expect(roadmap.epics.map((e) => e.epic.title)).toEqual(['Search', 'Payments', 'Empty']);
    expect(entryOf(roadmap, 'Search').misalignedWith).toEqual([payments]);
  });

  it('says a finished epic is finished, with no forecast date', async () => {
    for (const key of ['S1', 'S2']) await finishStory(team, stories[key]!.key);
    const search = entryOf(await roadmapOf(team), 'Search');
    expect(search.progress).toEqual({ donePoints: 10, totalPoints: 10, doneStories: 2, totalStories: 2 });
    expect(search).toMatchObject({
      forecast: { p50: null, p85: null, expected: null, state: 'finished' },
      atRisk: false,
      misalignedWith: [],
    });
  });

  it('lowers its confidence when a story ahead has no estimate', async () => {
    const unestimated = await addStory(team, 'Spike', null);
    await team.po.post(`/api/projects/${team.key}/backlog/rank`, {
      story: unestimated.key,
      before: stories.P1!.key,
    });
    expect(entryOf(await roadmapOf(team), 'Payments').forecast.confidence).toBe('low');
  });
});

describe('the forecast through a real sprint', () => {
  it('uses the active sprint commitment, then the closed sprint’s completed points', async () => {
    const team = await t.projectWithTeam();
    const today = todayUtc();
    const base = `/api/projects/${team.key}`;
    const epic = await createEpic(team, { title: 'Onboarding' });
    const [a, b] = [await addStory(team, 'A', 5, epic.id), await addStory(team, 'B', 3, epic.id)];
    await addStory(team, 'C', 8, epic.id);
    const sprint = (
      await team.sm.post(`${base}/sprints`, {
        name: 'Sprint 1',
        startDate: today,
        endDate: daysFrom(today, 13),
      })
    ).body.sprint;
    expect(
      (await team.sm.post(`${base}/sprints/${sprint.id}/stories`, { stories: [a.key, b.key] })).status,
    ).toBe(200);
    expect((await team.sm.post(`${base}/sprints/${sprint.id}/start`)).status).toBe(200);

    // Committed 8: the active sprint takes A and B (8), C (16 in all) lands in the next sprint.
    let roadmap = await roadmapOf(team);
    expect(roadmap).toMatchObject({
      velocity: 8,
      basis: { source: 'active_sprint', confidence: 'low', firstSprintEnd: daysFrom(today, 13) },
    });
    expect(roadmap.epics[0]?.forecast).toMatchObject({ p85: daysFrom(today, 27), confidence: 'low' });

    for (const story of [a, b]) await finishStory(team, story.key);
    expect(
      (await team.sm.post(`${base}/sprints/${sprint.id}/complete`, { moveOpenTo: 'backlog' })).status,
    ).toBe(200);
    // One closed sprint of 8 points and 14 days; no active sprint, so sprint 1 starts today and takes C.
    roadmap = await roadmapOf(team);
    expect(roadmap).toMatchObject({
      velocity: 8,
      basis: { source: 'closed_sprints', samples: [8], sprintLengthDays: 14, confidence: 'medium' },
    });
    expect(roadmap.epics[0]).toMatchObject({
      progress: { donePoints: 8, totalPoints: 16, doneStories: 2, totalStories: 3 },
      forecast: { p50: daysFrom(today, 13), p85: daysFrom(today, 13), confidence: 'medium' },
    });
  });
});

describe('the Monte Carlo forecast', () => {
  it('gives the same answer for the same data, P50 never after P85', async () => {
    const team = await t.projectWithTeam();
    await closeSprints(t, team, [6, 14, 9, 11, 3, 17]);
    for (const title of ['A', 'B', 'C']) {
      const epic = await createEpic(team, { title });
      for (const points of [5, 8, 13]) await addStory(team, `${title}${points}`, points, epic.id);
    }
    const first = await roadmapOf(team);
    expect(await roadmapOf(team)).toEqual(first);
    expect(first.basis).toMatchObject({ samples: [17, 3, 11, 9, 14, 6], confidence: 'high' });
    for (const { forecast } of first.epics) {
      expect(forecast.p50! <= forecast.p85!).toBe(true);
      expect(forecast.p50! >= todayUtc()).toBe(true);
    }
    const [a, , c] = first.epics;
    expect(a!.forecast.p85! < c!.forecast.p85!).toBe(true);
  });
});

describe('ranking the roadmap', () => {
  let team: Team;
  let ids: Record<string, string>;
  const rank = (body: unknown, member: 'pm' | 'po' | 'dev' | 'admin' = 'pm') =>
    team[member].post(`/api/projects/${team.key}/roadmap/rank`, body);
  const order = async () =>
    (await team.dev.get(`/api/projects/${team.key}/epics`)).body.items.map((e: { title: string }) => e.title);

  beforeAll(async () => {
    team = await t.projectWithTeam();
    ids = {};
    for (const title of ['A', 'B', 'C', 'D']) ids[title] = (await createEpic(team, { title })).id;
  });

  it('lets the PM put an epic before or after another, writing one row', async () => {
    const before = (await team.dev.get(`/api/projects/${team.key}/epics`)).body.items;
    const reply = await rank({ epic: ids.D, before: ids.A });
    expect(reply.status).toBe(200);
    expect(reply.body.epic).toMatchObject({ id: ids.D, title: 'D' });
    expect(await order()).toEqual(['D', 'A', 'B', 'C']);
    const after = (await team.dev.get(`/api/projects/${team.key}/epics`)).body.items;
    const changed = after.filter(
      (e: { id: string; rank: string }) => before.find((b: { id: string }) => b.id === e.id).rank !== e.rank,
    );
    expect(changed.map((e: { title: string }) => e.title)).toEqual(['D']);
    await rank({ epic: ids.D, after: ids.B });
    expect(await order()).toEqual(['A', 'B', 'D', 'C']);
    await rank({ epic: ids.C, after: ids.A, before: ids.B });
    expect(await order()).toEqual(['A', 'C', 'B', 'D']);
  });

  it('refuses before and after that are not neighbours with a 400 naming before', async () => {
    const was = await order();
    const [first, , third, fourth] = was.map((title: string) => ids[title]);
    expectInvalid(await rank({ epic: fourth, after: first, before: third }), 'before');
    expect(await order()).toEqual(was);
  });

  it('logs who moved which epic from where to where', async () => {
    await rank({ epic: ids.D, before: ids.A });
    const [moved] = (await eventsOf(team, 'roadmap.ranked')).slice(-1);
    expect(moved?.data).toMatchObject({ epic: { id: ids.D }, from: { position: 4 }, to: { position: 1 } });
  });

  it('refuses the PO and the developer, naming the PM', async () => {
    const was = await order();
    for (const member of ['po', 'dev'] as const) {
      const reply = await rank({ epic: ids.A, before: ids.D }, member);
      expect(reply.status).toBe(403);
      expect(reply.body.error).toMatchObject({
        code: 'forbidden',
        message: 'Only the Product Manager can change roadmap order',
      });
    }
    expect(await order()).toEqual(was);
    expect((await rank({ epic: ids.A, before: ids.D }, 'admin')).status).toBe(200);
  });

  it('refuses bad moves by field and unknown epics', async () => {
    const other = await t.projectWithTeam();
    const foreign = await createEpic(other, { title: 'Theirs' });
    const was = await order();
    const cases: [unknown, number, string][] = [
      [{ epic: ids.A }, 400, 'before'],
      [{ epic: ids.A, before: ids.A }, 400, 'epic'],
      [{ epic: ids.A, before: foreign.id }, 400, 'before'],
      [{ epic: ids.A, after: ids.C, before: ids.D }, 400, 'after'],
      [{ epic: foreign.id, before: ids.A }, 404, 'Epic'],
    ];
    for (const [body, status, field] of cases) {
      const reply = await rank(body);
      expect(reply.status).toBe(status);
      expect(reply.body.error.message).toContain(field);
    }
    expect(await order()).toEqual(was);
  });
});

describe('a roadmap read again', () => {
  it('follows what another team of the product changes, and the day', async () => {
    const clockNow = { at: new Date('2026-03-02T10:00:00Z') };
    const own = await startTestApp({ clock: () => clockNow.at });
    try {
      const p = await twoTeamProduct(own);
      const titles = async () =>
        ((await p.pm.get(`/api/projects/${p.teamA}/roadmap`)).body as { epics: Entry[] }).epics.map(
          (e) => e.epic.title,
        );
      expect(await titles()).toEqual([]);
      expect(await titles()).toEqual([]);
      // An epic added through team B is the product's: team A's roadmap, read just before, shows it.
      const added = await p.pm.post(`/api/projects/${p.teamB}/epics`, { title: 'Through B' });
      expect(added.status).toBe(201);
      expect(await titles()).toEqual(['Through B']);
      const renamed = await p.pm.patch(`/api/projects/${p.teamB}/epics/${added.body.epic.id}`, {
        title: 'Renamed in B',
      });
      expect(renamed.status).toBe(200);
      expect(await titles()).toEqual(['Renamed in B']);
      // The forecast's first sprint end counts from today: a new day is a new roadmap.
      const firstEnd = async () =>
        (await p.pm.get(`/api/projects/${p.teamA}/roadmap`)).body.basis.firstSprintEnd as string | null;
      const before = await firstEnd();
      clockNow.at = new Date('2026-03-20T10:00:00Z');
      const after = await firstEnd();
      expect(after).not.toBeNull();
      expect(after).not.toEqual(before);
    } finally {
      await own.close();
    }
  });
});
