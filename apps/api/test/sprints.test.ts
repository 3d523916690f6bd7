import { describe, expect, it } from 'vitest';
import { useTeam, type Team, type TestApp } from './harness';
import {
  completeRunning,
  DATES,
  day,
  eventsSince,
  lastSeq,
  moveTo,
  newSprint,
  newStory,
  plan,
  runningSprint,
  statusIds,
} from './sprint-helpers';

let t: TestApp, team: Team, base: string;
useTeam((file) => ({ t, team, base } = file));

const backlogKeys = async () =>
  (await team.po.get(`${base}/backlog`)).body.items.map((s: { key: string }) => s.key);

describe('creating and editing sprints', () => {
  it('creates a planned sprint with a name, goal and dates', async () => {
    const reply = await team.sm.post(`${base}/sprints`, {
      name: 'Sprint 1',
      goal: 'Checkout works',
      ...DATES,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.sprint).toMatchObject({
      name: 'Sprint 1',
      goal: 'Checkout works',
      ...DATES,
      state: 'planned',
      committedPoints: null,
      completedPoints: null,
      reviewNotes: '',
      startedAt: null,
      completedAt: null,
    });
    const listed = await team.stakeholder.get(`${base}/sprints`);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(reply.body.sprint.id);
  });

  it('refuses an end date that is not after the start, or more than 4 weeks after it', async () => {
    const same = await team.po.post(`${base}/sprints`, {
      name: 'S',
      startDate: '2025-03-03',
      endDate: '2025-03-03',
    });
    expect(same.status).toBe(400);
    expect(same.body.error).toMatchObject({
      code: 'validation_failed',
      message: 'endDate: must be after startDate',
    });
    const long = await team.po.post(`${base}/sprints`, {
      name: 'S',
      startDate: '2025-03-03',
      endDate: '2025-04-01',
    });
    expect([long.status, long.body.error.details.issues[0].path]).toEqual([400, 'endDate']);
    const patched = await team.po.patch(`${base}/sprints/${await newSprint(team.po, base)}`, {
      endDate: day(-1),
    });
    expect([patched.status, patched.body.error.details.issues[0].path]).toEqual([400, 'endDate']);
    const empty = await team.po.patch(`${base}/sprints/${await newSprint(team.po, base)}`, { unknown: 1 });
    expect([empty.status, empty.body.error.message]).toEqual([400, 'body: say what to change']);
  });

  it('refuses a sprint without a name and a malformed date, naming the field', async () => {
    const reply = await team.po.post(`${base}/sprints`, { startDate: '2025-13-01' });
    expect(reply.status).toBe(400);
    const paths = reply.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.startDate']));
  });

  it('edits name, goal, dates and review notes, and logs the change', async () => {
    const id = await newSprint(team.sm, base, {});
    const reply = await team.po.patch(`${base}/sprints/${id}`, {
      goal: 'Ship it',
      reviewNotes: 'Demo went well',
      ...DATES,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.sprint).toMatchObject({ goal: 'Ship it', reviewNotes: 'Demo went well', ...DATES });
    const [event] = await eventsSince(team.po, base, (await lastSeq(team.po, base)) - 1);
    expect(event).toMatchObject({
      type: 'sprint.updated',
      data: { sprint: { id, goal: 'Ship it' }, from: { goal: '' } },
    });
  });

  it('answers 404 for a sprint that does not exist or belongs to another project', async () => {
    const other = await t.projectWithTeam();
    const foreign = await newSprint(other.po, `/api/projects/${other.key}`);
    expect((await team.po.get(`${base}/sprints/${foreign}`)).status).toBe(404);
    expect((await team.po.patch(`${base}/sprints/${foreign}`, { name: 'Mine' })).status).toBe(404);
    expect((await team.po.get(`${base}/sprints/not-a-uuid`)).status).toBe(400);
  });
});

describe('sprint planning', () => {
  it('pulls stories out of the backlog into the sprint, keeping their rank, with readiness and capacity', async () => {
    const ready = await newStory(team.po, base, { acceptanceCriteria: ['Pays by card'] });
    await team.dev.patch(`${base}/stories/${ready}`, { version: 1, points: 5 });
    const raw = await newStory(team.po, base);
    const before = (await team.po.get(`${base}/stories/${raw}`)).body.story;
    const id = await newSprint(team.sm, base);
    const reply = await team.sm.post(`${base}/sprints/${id}/stories`, { stories: [raw, ready] });
    expect(reply.status).toBe(200);
    expect(reply.body.stories.map((s: { key: string; ready: boolean }) => [s.key, s.ready])).toEqual([
      [ready, true],
      [raw, false],
    ]);
    expect(reply.body.plannedPoints).toBe(5);
    expect(reply.body.stories[1]).toMatchObject({ sprintId: id, rank: before.rank, version: 2 });
    expect(await backlogKeys()).not.toContain(ready);
    expect((await team.dev.get(`${base}/sprints/${id}`)).body).toMatchObject({
      plannedPoints: 5,
      capacity: null,
    });
  });

  it('takes a story back out to the backlog at its rank', async () => {
    const key = await newStory(team.po, base);
    const id = await newSprint(team.sm, base);
    await plan(team.sm, base, id, [key]);
    const reply = await team.po.delete(`${base}/sprints/${id}/stories/${key}`);
    expect(reply.status).toBe(200);
    expect(reply.body.stories).toEqual([]);
    expect(await backlogKeys()).toContain(key);
    expect((await team.po.delete(`${base}/sprints/${id}/stories/${key}`)).status).toBe(404);
  });

  it('refuses unknown stories naming the field, and writes nothing', async () => {
    const key = await newStory(team.po, base);
    const id = await newSprint(team.sm, base);
    const seq = await lastSeq(team.po, base);
    const reply = await team.sm.post(`${base}/sprints/${id}/stories`, { stories: [key, `${team.key}-9999`] });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe(`stories: ${team.key}-9999 is not a story of this project`);
    expect(await lastSeq(team.po, base)).toBe(seq);
    expect((await team.po.get(`${base}/stories/${key}`)).body.story.sprintId).toBeNull();
  });

  it('keeps a story in one open sprint: a second sprint is refused with 409', async () => {
    const key = await newStory(team.po, base);
    const first = await newSprint(team.sm, base);
    const second = await newSprint(team.sm, base);
    await plan(team.sm, base, first, [key]);
    const reply = await team.sm.post(`${base}/sprints/${second}/stories`, { stories: [key] });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'conflict', details: { story: key, sprintId: first } });
    expect((await team.sm.post(`${base}/sprints/${first}/stories`, { stories: [key] })).status).toBe(200);
  });

  it('lets exactly one of two racing plans for the same story win', async () => {
    for (let round = 0; round < 3; round++) {
      const key = await newStory(team.po, base);
      const [a, b] = [await newSprint(team.sm, base), await newSprint(team.sm, base)];
      const replies = await Promise.all([
        team.sm.post(`${base}/sprints/${a}/stories`, { stories: [key] }),
        team.po.post(`${base}/sprints/${b}/stories`, { stories: [key] }),
      ]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = replies[0].status === 200 ? a : b;
      expect((await team.po.get(`${base}/stories/${key}`)).body.story.sprintId).toBe(winner);
      const log = await eventsSince(team.po, base, 0);
      const added = log.filter((e) => e.type === 'sprint.story_added' && e.data.story.key === key);
      expect(added).toHaveLength(1);
    }
  });

  it('logs adding to and removing from a running sprint as a scope change', async () => {
    const [early, late] = [await newStory(team.po, base), await newStory(team.po, base)];
    const id = await runningSprint(team.sm, base, [early]);
    const seq = await lastSeq(team.po, base);
    await plan(team.sm, base, id, [late]);
    await team.sm.delete(`${base}/sprints/${id}/stories/${early}`);
    const changes = (await eventsSince(team.po, base, seq)).map((e) => [
      e.type,
      e.data.story.key,
      e.data.scopeChange,
    ]);
    expect(changes).toEqual([
      ['sprint.story_added', late, true],
      ['sprint.story_removed', early, true],
    ]);
  });
});

describe('starting and completing', () => {
  it('needs dates to start', async () => {
    await completeRunning(team.sm, base);
    const id = await newSprint(team.sm, base, {});
    const reply = await team.sm.post(`${base}/sprints/${id}/start`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe('startDate: a sprint needs a start date before it starts');
  });

  it('refuses a second active sprint with 409', async () => {
    const running = await runningSprint(team.sm, base);
    const reply = await team.po.post(`${base}/sprints/${await newSprint(team.po, base)}/start`);
    expect(reply.status).toBe(409);
    expect(reply.body.error.details).toEqual({ activeSprintId: running });
  });

  it('completes only an active sprint, into the backlog or a planned sprint', async () => {
    const planned = await newSprint(team.sm, base);
    expect(
      (await team.sm.post(`${base}/sprints/${planned}/complete`, { moveOpenTo: 'backlog' })).status,
    ).toBe(409);
    const running = await runningSprint(team.sm, base);
    const bad = await team.sm.post(`${base}/sprints/${running}/complete`, { moveOpenTo: 'next' });
    expect([bad.status, bad.body.error.details.issues[0].path]).toEqual([400, 'body.moveOpenTo']);
    const foreign = await team.sm.post(`${base}/sprints/${running}/complete`, {
      moveOpenTo: crypto.randomUUID(),
    });
    expect([foreign.status, foreign.body.error.message]).toEqual([
      400,
      'moveOpenTo: is not a sprint of this project',
    ]);
    const itself = await team.sm.post(`${base}/sprints/${running}/complete`, { moveOpenTo: running });
    expect(itself.status).toBe(400);
  });

  it('keeps a closed sprint read-only but for its review notes: every other change is a 409', async () => {
    const key = await newStory(team.po, base);
    const closed = await runningSprint(team.sm, base, [key]);
    await runningSprint(team.sm, base);
    const other = await newStory(team.po, base);
    const attempts = await Promise.all([
      team.sm.patch(`${base}/sprints/${closed}`, { name: 'Renamed' }),
      team.sm.patch(`${base}/sprints/${closed}`, { reviewNotes: 'Late notes', goal: 'Changed' }),
      team.sm.post(`${base}/sprints/${closed}/stories`, { stories: [other] }),
      team.sm.delete(`${base}/sprints/${closed}/stories/${key}`),
      team.sm.post(`${base}/sprints/${closed}/start`),
      team.sm.post(`${base}/sprints/${closed}/complete`, { moveOpenTo: 'backlog' }),
    ]);
    expect(attempts.map((r) => [r.status, r.body.error?.code])).toEqual(Array(6).fill([409, 'conflict']));
    // The review happens once the sprint is over (API.md: review notes are writable on a closed sprint).
    const notes = await team.sm.patch(`${base}/sprints/${closed}`, { reviewNotes: 'Late notes' });
    expect([notes.status, notes.body.sprint?.reviewNotes]).toEqual([200, 'Late notes']);
  });
});

describe('the retrospective', () => {
  it('collects went well / to improve / actions from the team, also after the sprint closed', async () => {
    const id = await runningSprint(team.sm, base);
    const posted = await team.dev.post(`${base}/sprints/${id}/retro`, { kind: 'went_well', body: 'Pairing' });
    expect(posted.status).toBe(201);
    expect(posted.body.item).toMatchObject({
      sprintId: id,
      kind: 'went_well',
      body: 'Pairing',
      author: { name: 'DEV' },
    });
    await runningSprint(team.sm, base);
    const action = await team.pm.post(`${base}/sprints/${id}/retro`, {
      kind: 'action',
      body: 'Smaller stories',
    });
    expect(action.status).toBe(201);
    const listed = await team.stakeholder.get(`${base}/sprints/${id}/retro`);
    expect(listed.body.items.map((i: { kind: string; body: string }) => [i.kind, i.body])).toEqual([
      ['went_well', 'Pairing'],
      ['action', 'Smaller stories'],
    ]);
  });

  it('refuses an unknown kind and an empty body', async () => {
    const id = await newSprint(team.sm, base);
    expect((await team.dev.post(`${base}/sprints/${id}/retro`, { kind: 'meh', body: 'x' })).status).toBe(400);
    expect((await team.dev.post(`${base}/sprints/${id}/retro`, { kind: 'action', body: '  ' })).status).toBe(
      400,
    );
  });
});

/**
 * One sprint from planning to completion, on a project of its own, every number computed by hand.
 * Stories: A 5, B 3, C 8, E 1 committed (17); D 2 added mid-sprint, E removed; A, B and C done, D not.
 */
describe('a full sprint, checked by hand', () => {
  it('plans, starts, works, reviews and completes a sprint; the reports add up', async () => {
    const crew = await t.projectWithTeam();
    const at = `/api/projects/${crew.key}`;
    const status = await statusIds(crew.sm, at);
    const story = async (title: string, points: number) => {
      const key = await newStory(crew.po, at, { title, acceptanceCriteria: ['Works'] });
      await crew.dev.patch(`${at}/stories/${key}`, { version: 1, points });
      return key;
    };
    const [a, b, c, d, e, f] = [
      await story('A', 5),
      await story('B', 3),
      await story('C', 8),
      await story('D', 2),
      await story('E', 1),
      await story('F', 13),
    ];

    // Planning: A, B, C, E (5 + 3 + 8 + 1 = 17), all ready; no closed sprint yet, so no capacity.
    const one = await newSprint(crew.sm, at, { name: 'Sprint 1', ...DATES });
    const planning = (await plan(crew.sm, at, one, [a, b, c, e])) as {
      plannedPoints: number;
      capacity: null;
    };
    expect([planning.plannedPoints, planning.capacity]).toEqual([17, null]);
    const started = await crew.sm.post(`${at}/sprints/${one}/start`);
    expect(started.body.sprint).toMatchObject({ state: 'active', committedPoints: 17 });

    // The sprint runs: D (2) comes in, E (1) goes out, A, B and C reach Done; the PO accepts A and C.
    await plan(crew.po, at, one, [d]);
    await crew.po.delete(`${at}/sprints/${one}/stories/${e}`);
    for (const key of [a, b, c]) await moveTo(crew.dev, at, key, status['Done']!);
    await moveTo(crew.dev, at, d, status['In Progress']!);
    for (const key of [a, c]) expect((await crew.po.post(`${at}/stories/${key}/accept`)).status).toBe(200);
    await crew.po.patch(`${at}/sprints/${one}`, { reviewNotes: 'Checkout demoed' });

    // Complete: 3 + 5 + 8 = 16 completed; D goes to the top of the backlog, remembering Sprint 1.
    const completed = await crew.sm.post(`${at}/sprints/${one}/complete`, { moveOpenTo: 'backlog' });
    expect(completed.body.sprint).toMatchObject({
      state: 'closed',
      committedPoints: 17,
      completedPoints: 16,
    });
    const backlog = (await crew.po.get(`${at}/backlog`)).body.items;
    expect(backlog.map((s: { key: string }) => s.key)).toEqual([d, e, f]);
    expect(backlog[0]).toMatchObject({ sprintId: null, spilledFrom: [one], statusId: status['In Progress'] });

    const report = (await crew.stakeholder.get(`${at}/sprints/${one}/report`)).body;
    type Group = { points: number; stories: { key: string }[] };
    const summary = (group: Group) => [group.points, group.stories.map((s) => s.key)];
    expect(report.sprint.reviewNotes).toBe('Checkout demoed');
    expect(summary(report.committed)).toEqual([17, [a, b, c, e]]);
    expect(summary(report.completed)).toEqual([16, [a, b, c]]);
    expect(summary(report.accepted)).toEqual([13, [a, c]]);
    expect(summary(report.carriedOver)).toEqual([2, [d]]);
    expect(summary(report.addedMidSprint)).toEqual([2, [d]]);
    expect(summary(report.removedMidSprint)).toEqual([1, [e]]);

    // Everything happened today, the first day: 2 points left at its end; the ideal line falls 17 → 0 in 4 steps.
    const burndown = (await crew.dev.get(`${at}/sprints/${one}/burndown`)).body;
    expect(burndown.committedPoints).toBe(17);
    expect(
      burndown.days.map((x: { remaining: number | null; ideal: number }) => [x.remaining, x.ideal]),
    ).toEqual([
      [2, 17],
      [null, 12.75],
      [null, 8.5],
      [null, 4.25],
      [null, 0],
    ]);
    type Change = { key: string; change: string; points: number };
    const changes = burndown.days[0].scopeChanges.map((x: Change) => [x.change, x.key, x.points]);
    expect(changes).toEqual([
      ['added', d, 2],
      ['removed', e, 1],
    ]);

    // Sprint 2: D and F (2 + 13 = 15); capacity is Sprint 1's 16. Only D gets done; F moves on to Sprint 3.
    const two = await newSprint(crew.sm, at, { name: 'Sprint 2', ...DATES });
    expect(((await plan(crew.sm, at, two, [d, f])) as { capacity: number }).capacity).toBe(16);
    expect((await crew.sm.post(`${at}/sprints/${two}/start`)).body.sprint.committedPoints).toBe(15);
    await moveTo(crew.dev, at, d, status['Done']!);
    const three = await newSprint(crew.sm, at, { name: 'Sprint 3' });
    const fRank = (await crew.po.get(`${at}/stories/${f}`)).body.story.rank;
    const closedTwo = await crew.po.post(`${at}/sprints/${two}/complete`, { moveOpenTo: three });
    expect(closedTwo.body.sprint).toMatchObject({ committedPoints: 15, completedPoints: 2 });
    const carried = (await crew.po.get(`${at}/stories/${f}`)).body.story;
    expect(carried).toMatchObject({ sprintId: three, rank: fRank, spilledFrom: [two] });
    expect((await crew.po.get(`${at}/stories/${d}`)).body.story.spilledFrom).toEqual([one]);

    // Velocity: Sprint 1 17/16, Sprint 2 15/2: average (16 + 2) / 2 = 9, and so is the capacity.
    const velocity = (await crew.stakeholder.get(`${at}/velocity`)).body;
    type Bar = { name: string; committedPoints: number; completedPoints: number };
    expect(velocity.sprints.map((s: Bar) => [s.name, s.committedPoints, s.completedPoints])).toEqual([
      ['Sprint 1', 17, 16],
      ['Sprint 2', 15, 2],
    ]);
    expect([velocity.average, velocity.capacity]).toEqual([9, 9]);
    expect((await crew.dev.get(`${at}/sprints/${three}`)).body).toMatchObject({
      plannedPoints: 13,
      capacity: 9,
    });
  });
});
