import { describe, expect, it } from 'vitest';
import { expectInvalid } from './expect';
import { useTeam, type Team, type TestApp } from './harness';

let t: TestApp, team: Team;
useTeam((file) => ({ t, team } = file));

const keysOf = (reply: { body: { items: { key: string }[] } }) => reply.body.items.map((s) => s.key);

async function addStories(titles: string[]) {
  const keys: string[] = [];
  for (const title of titles)
    keys.push((await team.po.post(`/api/projects/${team.key}/stories`, { title })).body.story.key);
  return keys;
}

describe('the product backlog', () => {
  it('lists new stories at the bottom, in rank order', async () => {
    const keys = await addStories(['First', 'Second', 'Third']);
    const backlog = await team.dev.get(`/api/projects/${team.key}/backlog`);
    expect(backlog.status).toBe(200);
    expect(keysOf(backlog).slice(-3)).toEqual(keys);
  });

  it('lets the PO move a story before or after another, writing one row', async () => {
    const [a, b, c] = await addStories(['A', 'B', 'C']);
    const path = `/api/projects/${team.key}/backlog`;
    // Every story's rank and version: a move that wrote one row changed exactly the moved story's.
    const rows = async () =>
      new Map(
        (await team.po.get(path)).body.items.map((s: { key: string; rank: string; version: number }) => [
          s.key,
          `${s.rank} v${s.version}`,
        ]),
      );
    const move = async (body: Record<string, unknown>) => {
      const before = await rows();
      const reply = await team.po.post(`${path}/rank`, body);
      const after = await rows();
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      return {
        reply,
        changed: [...after].filter(([key, row]) => before.get(key) !== row).map(([key]) => key),
      };
    };
    const moved = await move({ story: c, before: a });
    expect(moved.changed).toEqual([c]);
    expect(moved.reply.status).toBe(200);
    expect(moved.reply.body.story.key).toBe(c);
    let order = keysOf(await team.po.get(path));
    expect(order.indexOf(c!)).toBe(order.indexOf(a!) - 1);
    expect((await move({ story: a, after: b })).changed).toEqual([a]);
    order = keysOf(await team.po.get(path));
    expect(order.indexOf(a!)).toBe(order.indexOf(b!) + 1);
  });

  it('records in the history where the story moved from and to', async () => {
    const other = await t.projectWithTeam();
    const b = `/api/projects/${other.key}`;
    const keys: string[] = [];
    for (const title of ['1', '2', '3', '4', '5'])
      keys.push((await other.po.post(`${b}/stories`, { title })).body.story.key);
    await other.po.post(`${b}/backlog/rank`, { story: keys[3], before: keys[1] });
    await other.po.post(`${b}/backlog/rank`, { story: keys[0], after: keys[4] });
    const history = (await other.dev.get(`${b}/stories/${keys[3]}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({
      type: 'story.ranked',
      data: { from: { position: 4 }, to: { position: 2 } },
    });
    const last = (await other.dev.get(`${b}/stories/${keys[0]}/history`)).body.items.at(-1);
    expect(last.data).toMatchObject({ from: { position: 1 }, to: { position: 5 } });
    expect(keysOf(await other.dev.get(`${b}/backlog`))).toEqual([
      keys[3],
      keys[1],
      keys[2],
      keys[4],
      keys[0],
    ]);
  });

  it('keeps the places of a move as they were at the move, whatever the backlog went through since', async () => {
    const other = await t.projectWithTeam();
    const b = `/api/projects/${other.key}`;
    const keys: string[] = [];
    for (const title of ['1', '2', '3', '4', '5'])
      keys.push((await other.po.post(`${b}/stories`, { title })).body.story.key);
    await other.po.post(`${b}/backlog/rank`, { story: keys[3], before: keys[1] });
    // Since the move: a new story put on top, one story moved to the bottom, one deleted.
    const later = (await other.po.post(`${b}/stories`, { title: 'later' })).body.story.key;
    expect((await other.po.post(`${b}/backlog/rank`, { story: later, before: keys[0] })).status).toBe(200);
    expect((await other.po.post(`${b}/backlog/rank`, { story: keys[0], after: keys[4] })).status).toBe(200);
    expect((await other.po.delete(`${b}/stories/${keys[2]}`)).status).toBeLessThan(300);
    const moved = (await other.dev.get(`${b}/stories/${keys[3]}/history`)).body.items.find(
      (e: { type: string }) => e.type === 'story.ranked',
    );
    expect(moved.data).toMatchObject({ from: { position: 4 }, to: { position: 2 } });
    const top = (await other.dev.get(`${b}/stories/${later}/history`)).body.items.find(
      (e: { type: string }) => e.type === 'story.ranked',
    );
    expect(top.data).toMatchObject({ from: { position: 6 }, to: { position: 1 } });
  });

  it('answers the lean list shape with view=summary: no long texts, acceptance criteria as counts', async () => {
    const created = await team.po.post(`/api/projects/${team.key}/stories`, {
      title: 'Summarised',
      description: 'A long text the list does not need',
      persona: 'shopper',
      goal: 'pay',
      benefit: 'leave',
      acceptanceCriteria: [
        { text: 'one', done: true },
        { text: 'two', done: false },
        { text: 'three', done: false },
      ],
    });
    const key = created.body.story.key;
    const path = `/api/projects/${team.key}/backlog`;
    const full = (await team.dev.get(path)).body.items.find((s: { key: string }) => s.key === key);
    const summary = await team.dev.get(`${path}?view=summary`);
    expect(summary.status).toBe(200);
    const item = summary.body.items.find((s: { key: string }) => s.key === key);
    const { description, persona, goal, benefit, acceptanceCriteria, ...rest } = full;
    expect(description).toBe('A long text the list does not need');
    expect(acceptanceCriteria).toHaveLength(3);
    expect(item).toEqual({ ...rest, acceptanceCriteria: { done: 1, total: 3 } });
    expect(keysOf(summary)).toEqual(keysOf(await team.dev.get(path)));
    expect((await team.dev.get(`${path}?view=everything`)).status).toBe(400);
  });

  it('refuses before and after that are not neighbours with a 400 naming before, and moves nothing', async () => {
    const [s1, s2, s3, s4] = await addStories(['S1', 'S2', 'S3', 'S4']);
    const path = `/api/projects/${team.key}/backlog`;
    const was = keysOf(await team.po.get(path));
    expectInvalid(await team.po.post(`${path}/rank`, { story: s4, after: s1, before: s3 }), 'before');
    expect(keysOf(await team.po.get(path))).toEqual(was);
    // The moved story itself between them does not count: S2 between S1 and S3 is a clean no-change move.
    expect((await team.po.post(`${path}/rank`, { story: s2, after: s1, before: s3 })).status).toBe(200);
    expect((await team.po.post(`${path}/rank`, { story: s4, after: s2, before: s3 })).status).toBe(200);
    expect(keysOf(await team.po.get(path)).slice(-4)).toEqual([s1, s2, s4, s3]);
  });

  it('refuses everyone but the PO (and admin) with a message naming the PO', async () => {
    const [a, b] = await addStories(['X', 'Y']);
    const reply = await team.dev.post(`/api/projects/${team.key}/backlog/rank`, { story: b, before: a });
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatchObject({
      code: 'forbidden',
      message: 'Only the Product Owner can change backlog order',
    });
  });
});
