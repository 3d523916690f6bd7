import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Team, type TestApp } from './harness';
import { completeRunning, eventsSince, lastSeq, moveTo, newStory, runningSprint } from './sprint-helpers';

let t: TestApp;
let team: Team;
let base: string;
beforeAll(async () => {
  t = await startTestApp();
  team = await t.projectWithTeam();
  base = `/api/projects/${team.key}`;
});
afterAll(() => t.close());

type Status = { id?: string; name: string; category: string; wipLimit?: number | null };
type Saved = Required<Status>;
const workflow = async () => (await team.dev.get(`${base}/statuses`)).body.statuses as Saved[];
const byName = (statuses: Saved[], name: string) => statuses.find((s) => s.name === name)!;
const put = (statuses: Status[], moveStoriesTo?: Record<string, string>) =>
  team.sm.put(`${base}/statuses`, { statuses, ...(moveStoriesTo ? { moveStoriesTo } : {}) });

describe('editing the workflow', () => {
  it('starts with To Do, In Progress, In Review, Done', async () => {
    expect((await workflow()).map((s) => [s.name, s.category, s.wipLimit])).toEqual([
      ['To Do', 'todo', null],
      ['In Progress', 'in_progress', null],
      ['In Review', 'in_progress', null],
      ['Done', 'done', null],
    ]);
  });

  it('renames, reorders, adds statuses and sets WIP limits in one PUT, and logs it', async () => {
    const [todo, doing, review, done] = await workflow();
    const seq = await lastSeq(team.po, base);
    const reply = await put([
      { name: 'Ideas', category: 'todo' },
      todo!,
      { ...doing!, name: 'Doing', wipLimit: 3 },
      { name: 'QA', category: 'in_progress', wipLimit: 2 },
      review!,
      done!,
    ]);
    expect(reply.status).toBe(200);
    const names = reply.body.statuses.map((s: Status) => [s.name, s.wipLimit]);
    expect(names).toEqual([
      ['Ideas', null],
      ['To Do', null],
      ['Doing', 3],
      ['QA', 2],
      ['In Review', null],
      ['Done', null],
    ]);
    expect((await workflow()).map((s) => s.id)).toEqual(reply.body.statuses.map((s: Status) => s.id));
    expect(byName(reply.body.statuses, 'Doing').id).toBe(doing!.id);
    const [event] = await eventsSince(team.po, base, seq);
    expect(event).toMatchObject({ type: 'workflow.updated', data: { removed: [] } });
  });

  it('gives a new story the first todo status', async () => {
    const key = await newStory(team.po, base);
    const story = (await team.po.get(`${base}/stories/${key}`)).body.story;
    expect(story.statusId).toBe((await workflow())[0]!.id);
  });

  it('removes an empty status without more ado', async () => {
    const statuses = await workflow();
    const reply = await put(statuses.filter((s) => s.name !== 'QA'));
    expect(reply.status).toBe(200);
    expect(reply.body.statuses.map((s: Status) => s.name)).not.toContain('QA');
  });

  it('refuses to remove a status holding stories until told where they go', async () => {
    const key = await newStory(team.po, base);
    const statuses = await workflow();
    const ideas = byName(statuses, 'Ideas');
    const seq = await lastSeq(team.po, base);
    const refused = await put(statuses.filter((s) => s.id !== ideas.id));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'conflict',
      message: 'Stories are still in "Ideas": say where they go in moveStoriesTo',
    });
    expect(refused.body.error.details.statuses[0]).toMatchObject({ id: ideas.id, name: 'Ideas' });
    expect(await lastSeq(team.po, base)).toBe(seq);

    const todo = byName(statuses, 'To Do');
    const moved = await put(
      statuses.filter((s) => s.id !== ideas.id),
      { [ideas.id]: todo.id },
    );
    expect(moved.status).toBe(200);
    expect((await team.po.get(`${base}/stories/${key}`)).body.story.statusId).toBe(todo.id);
    const events = await eventsSince(team.po, base, seq);
    const move = events.find((e) => e.type === 'story.transitioned' && e.data.story.key === key);
    expect(move?.data).toMatchObject({ reason: 'workflow', from: { statusId: ideas.id } });
    expect(events.at(-1)).toMatchObject({
      type: 'workflow.updated',
      data: { removed: [{ status: { id: ideas.id }, movedTo: todo.id }] },
    });
  });

  it('keeps the burndown right after a done status is removed', async () => {
    const statuses = await workflow();
    const withShipped = [...statuses, { name: 'Shipped', category: 'done' }];
    const shipped = byName((await put(withShipped)).body.statuses, 'Shipped');
    const [a, b] = [
      await newStory(team.sm, base, { points: 3 }),
      await newStory(team.sm, base, { points: 5 }),
    ];
    const sprint = await runningSprint(team.sm, base, [a, b]);
    await moveTo(team.dev, base, a, shipped.id);
    await completeRunning(team.sm, base);
    expect((await put(statuses, { [shipped.id]: byName(statuses, 'Done').id })).status).toBe(200);
    const burndown = (await team.dev.get(`${base}/sprints/${sprint}/burndown`)).body;
    expect([burndown.committedPoints, burndown.days[0].remaining]).toEqual([8, 5]);
    expect((await team.dev.get(`${base}/sprints/${sprint}/report`)).body.completed.points).toBe(3);
  });

  it('names the entry that is wrong', async () => {
    const statuses = await workflow();
    const unknown = await put([...statuses, { id: crypto.randomUUID(), name: 'Ghost', category: 'todo' }]);
    expect([unknown.status, unknown.body.error.message]).toEqual([
      400,
      `statuses.${statuses.length}.id: not a status of this project`,
    ]);
    const noDone = await put(statuses.filter((s) => s.category !== 'done'));
    expect(noDone.body.error.message).toBe(
      'statuses: the workflow needs at least one status in the "done" category',
    );
    const twin = await put([...statuses, { name: 'done', category: 'done' }]);
    expect(twin.body.error.details.issues[0].path).toBe(`statuses.${statuses.length}.name`);
    const badCategory = await put([{ name: 'X', category: 'blocked' }]);
    expect([badCategory.status, badCategory.body.error.details.issues[0].path]).toEqual([
      400,
      'body.statuses.0.category',
    ]);
    const badLimit = await put(statuses.map((s) => ({ ...s, wipLimit: 0 })));
    expect(badLimit.status).toBe(400);
  });
});
