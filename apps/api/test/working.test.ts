import { describe, expect, it } from 'vitest';
import { useTeam, type Team } from './harness';
import { expectInvalid, expectRefusal } from './expect';
import { sameTeamNewProject } from './finding-helpers';
import { completeRunning, lastSeq, moveTo, newStory, runningSprint, statusIds } from './sprint-helpers';

let team: Team;
let base: string;
useTeam((file) => ({ team, base } = file));

const storyOf = async (key: string) => (await team.dev.get(`${base}/stories/${key}`)).body;
const historyTypes = async (key: string) =>
  (await team.dev.get(`${base}/stories/${key}/history`)).body.items.map(
    (e: { type: string }) => e.type,
  ) as string[];

describe('sub-tasks', () => {
  it('are added, ticked, reassigned and removed by the team, with n/m on the story everywhere', async () => {
    const key = await newStory(team.admin, base, { title: 'Checkout' });
    const added = await team.dev.post(`${base}/stories/${key}/subtasks`, {
      title: 'Write the form',
      assigneeId: team.dev.user!.id,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.subtask).toMatchObject({
      title: 'Write the form',
      done: false,
      assigneeId: team.dev.user!.id,
    });
    const second = (await team.sm.post(`${base}/stories/${key}/subtasks`, { title: 'Test it' })).body.subtask;
    const ticked = await team.dev.patch(`${base}/stories/${key}/subtasks/${added.body.subtask.id}`, {
      done: true,
    });
    expect(ticked.body.subtask.done).toBe(true);
    const detail = await storyOf(key);
    expect(detail.story.subtasks).toEqual({ done: 1, total: 2 });
    expect(detail.subtasks.map((s: { title: string }) => s.title)).toEqual(['Write the form', 'Test it']);
    const row = (await team.dev.get(`${base}/backlog`)).body.items.find(
      (s: { key: string }) => s.key === key,
    );
    expect(row.subtasks).toEqual({ done: 1, total: 2 });
    expect((await team.dev.delete(`${base}/stories/${key}/subtasks/${second.id}`)).status).toBe(204);
    expect((await storyOf(key)).story.subtasks).toEqual({ done: 1, total: 1 });
    expect(await historyTypes(key)).toEqual(
      expect.arrayContaining(['subtask.added', 'subtask.updated', 'subtask.deleted']),
    );
  });

  it('refuses an assignee from outside, an empty title and a sub-task of another story', async () => {
    const key = await newStory(team.admin, base);
    const other = await newStory(team.admin, base);
    expectInvalid(
      await team.dev.post(`${base}/stories/${key}/subtasks`, {
        title: 'x',
        assigneeId: team.outsider.user!.id,
      }),
      'assigneeId',
    );
    expectInvalid(await team.dev.post(`${base}/stories/${key}/subtasks`, { title: '  ' }), 'title');
    const sub = (await team.dev.post(`${base}/stories/${key}/subtasks`, { title: 'Mine' })).body.subtask;
    expectRefusal(
      await team.dev.patch(`${base}/stories/${other}/subtasks/${sub.id}`, { done: true }),
      404,
      'not_found',
    );
    expectInvalid(await team.dev.patch(`${base}/stories/${key}/subtasks/${sub.id}`, {}), 'title');
    expectRefusal(
      await team.stakeholder.post(`${base}/stories/${key}/subtasks`, { title: 'No' }),
      403,
      'forbidden',
    );
  });
});

describe('links between stories', () => {
  it('show on both stories, with the direction, and go away from either side', async () => {
    const ids = await statusIds(team.admin, base);
    const [api, web] = [
      await newStory(team.admin, base, { title: 'API' }),
      await newStory(team.admin, base, { title: 'Web' }),
    ];
    const created = await team.dev.post(`${base}/stories/${api}/links`, { type: 'blocks', story: web });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.link).toMatchObject({
      type: 'blocks',
      story: { key: web, title: 'Web', projectKey: team.key },
    });
    const onWeb = await storyOf(web);
    expect(onWeb.story.links).toEqual([
      {
        id: created.body.link.id,
        type: 'blocks',
        direction: 'inward',
        story: { key: api, title: 'API', projectKey: team.key, done: false },
        conflict: false,
      },
    ]);
    expect(onWeb.links).toEqual(onWeb.story.links);
    expect((await storyOf(api)).story.links[0]).toMatchObject({ direction: 'outward', story: { key: web } });
    await moveTo(team.admin, base, api, ids.Done!);
    expect((await storyOf(web)).story.links[0].story.done).toBe(true);
    expect((await team.dev.delete(`${base}/stories/${web}/links/${created.body.link.id}`)).status).toBe(204);
    expect((await storyOf(api)).story.links).toEqual([]);
    expect(await historyTypes(api)).toEqual(expect.arrayContaining(['link.added']));
  });

  it('refuses a loop of blockers, a link to itself, a second identical link and a story of another project', async () => {
    const [a, b, c] = [
      await newStory(team.admin, base),
      await newStory(team.admin, base),
      await newStory(team.admin, base),
    ];
    expect((await team.dev.post(`${base}/stories/${a}/links`, { type: 'blocks', story: b })).status).toBe(
      201,
    );
    expect((await team.dev.post(`${base}/stories/${b}/links`, { type: 'blocks', story: c })).status).toBe(
      201,
    );
    const before = await lastSeq(team.admin, base);
    expectInvalid(await team.dev.post(`${base}/stories/${c}/links`, { type: 'blocks', story: a }), 'story');
    expectInvalid(await team.dev.post(`${base}/stories/${b}/links`, { type: 'blocks', story: a }), 'story');
    expectInvalid(await team.dev.post(`${base}/stories/${a}/links`, { type: 'relates', story: a }), 'story');
    expectRefusal(
      await team.dev.post(`${base}/stories/${a}/links`, { type: 'blocks', story: b }),
      409,
      'conflict',
    );
    const elsewhere = await sameTeamNewProject(team);
    const theirs = await newStory(elsewhere.admin, elsewhere.base);
    expectInvalid(
      await team.dev.post(`${base}/stories/${a}/links`, { type: 'relates', story: theirs }),
      'story',
    );
    expectInvalid(await team.dev.post(`${base}/stories/${a}/links`, { type: 'follows', story: b }), 'type');
    expect(await lastSeq(team.admin, base)).toBe(before);
    // Relating the other way round is fine: "relates" and "blocks" are different links.
    expect((await team.dev.post(`${base}/stories/${c}/links`, { type: 'relates', story: a })).status).toBe(
      201,
    );
  });
});

describe('comments edited and deleted', () => {
  it('by their author, with editedAt, and the history records both', async () => {
    const key = await newStory(team.admin, base);
    const comment = (await team.stakeholder.post(`${base}/stories/${key}/comments`, { body: 'Typo hre' }))
      .body.comment;
    expect(comment.editedAt).toBeNull();
    const edited = await team.stakeholder.patch(`${base}/stories/${key}/comments/${comment.id}`, {
      body: 'Typo here',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.comment).toMatchObject({ body: 'Typo here', id: comment.id });
    expect(Date.parse(edited.body.comment.editedAt)).toBeGreaterThanOrEqual(Date.parse(comment.createdAt));
    expect((await team.dev.get(`${base}/stories/${key}/comments`)).body.items[0].body).toBe('Typo here');
    expect((await team.stakeholder.delete(`${base}/stories/${key}/comments/${comment.id}`)).status).toBe(204);
    expect((await team.dev.get(`${base}/stories/${key}/comments`)).body.items).toEqual([]);
    const history = (await team.dev.get(`${base}/stories/${key}/history`)).body.items;
    const edit = history.find((e: { type: string }) => e.type === 'comment.edited');
    expect(edit.data.from.body).toBe('Typo hre');
    expect(history.map((e: { type: string }) => e.type)).toContain('comment.deleted');
  });

  it('are refused to anyone else but an admin, who may take one down', async () => {
    const key = await newStory(team.admin, base);
    const comment = (await team.dev.post(`${base}/stories/${key}/comments`, { body: 'Mine' })).body.comment;
    for (const other of [team.po, team.sm, team.stakeholder]) {
      expectRefusal(
        await other.patch(`${base}/stories/${key}/comments/${comment.id}`, { body: 'Theirs' }),
        403,
        'forbidden',
      );
      expectRefusal(await other.delete(`${base}/stories/${key}/comments/${comment.id}`), 403, 'forbidden');
    }
    expectRefusal(
      await team.outsider.delete(`${base}/stories/${key}/comments/${comment.id}`),
      404,
      'not_found',
    );
    expectInvalid(
      await team.dev.patch(`${base}/stories/${key}/comments/${comment.id}`, { body: '' }),
      'body',
    );
    expect((await team.admin.delete(`${base}/stories/${key}/comments/${comment.id}`)).status).toBe(204);
    expectRefusal(
      await team.dev.patch(`${base}/stories/${key}/comments/${comment.id}`, { body: 'Gone' }),
      404,
      'not_found',
    );
  });
});

describe('sprint review notes', () => {
  it('are written after the sprint closed, and nothing else of it is', async () => {
    const p = await sameTeamNewProject(team);
    const sprint = await runningSprint(p.sm, p.base, [await newStory(p.admin, p.base)]);
    await completeRunning(p.sm, p.base);
    const notes = await p.po.patch(`${p.base}/sprints/${sprint}`, {
      reviewNotes: 'Demoed **checkout** to the client',
    });
    expect(notes.status, JSON.stringify(notes.body)).toBe(200);
    expect(notes.body.sprint).toMatchObject({
      state: 'closed',
      reviewNotes: 'Demoed **checkout** to the client',
    });
    expectRefusal(await p.po.patch(`${p.base}/sprints/${sprint}`, { name: 'Renamed' }), 409, 'conflict');
    expectRefusal(
      await p.po.patch(`${p.base}/sprints/${sprint}`, { reviewNotes: 'x', goal: 'y' }),
      409,
      'conflict',
    );
    expectRefusal(await p.dev.patch(`${p.base}/sprints/${sprint}`, { reviewNotes: 'x' }), 403, 'forbidden');
  });
});

describe('cumulative flow', () => {
  it('counts the stories per status at the end of each day, from the event log', async () => {
    const p = await sameTeamNewProject(team);
    const ids = await statusIds(p.admin, p.base);
    const today = new Date().toISOString().slice(0, 10);
    const [a, b, c, gone] = [
      await newStory(p.admin, p.base),
      await newStory(p.admin, p.base),
      await newStory(p.admin, p.base),
      await newStory(p.admin, p.base),
    ];
    await moveTo(p.admin, p.base, a, ids['In Progress']!);
    await moveTo(p.admin, p.base, b, ids['In Progress']!);
    await moveTo(p.admin, p.base, b, ids.Done!);
    await p.po.delete(`${p.base}/stories/${gone}`);
    void c;
    const reply = await p.stakeholder.get(`${p.base}/reports/cumulative-flow?to=${today}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.days).toHaveLength(30);
    expect(reply.body.statuses.map((s: { name: string }) => s.name)).toEqual([
      'To Do',
      'In Progress',
      'In Review',
      'Done',
    ]);
    // Hand-computed: 4 made (to do), 2 started, 1 of them done, 1 deleted → To Do 1, In Progress 1, Done 1.
    expect(reply.body.days.at(-1)).toEqual({
      date: today,
      counts: { [ids['To Do']!]: 1, [ids['In Progress']!]: 1, [ids['In Review']!]: 0, [ids.Done!]: 1 },
    });
    expect(Object.values(reply.body.days[0].counts)).toEqual([0, 0, 0, 0]);
    expectInvalid(await p.dev.get(`${p.base}/reports/cumulative-flow?from=2020-01-01&to=${today}`), 'from');
    expectInvalid(await p.dev.get(`${p.base}/reports/cumulative-flow?from=2026-02-30`), 'from');
  });
});
