import { describe, expect, it } from 'vitest';
import { useTeam, type Team, type TestApp } from './harness';

let t: TestApp, team: Team;
useTeam((file) => ({ t, team } = file));

const keysOf = (reply: { body: { items: { key: string }[] } }) => reply.body.items.map((s) => s.key);

async function addStories(titles: string[]) {
  const keys: string[] = [];
  for (const title of titles) keys.push((await team.po.post(`/api/projects/${team.key}/stories`, { title })).body.story.key);
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
    const moved = await team.po.post(`${path}/rank`, { story: c, before: a });
    expect(moved.status).toBe(200);
    expect(moved.body.story.key).toBe(c);
    let order = keysOf(await team.po.get(path));
    expect(order.indexOf(c!)).toBe(order.indexOf(a!) - 1);
    await team.po.post(`${path}/rank`, { story: a, after: b });
    order = keysOf(await team.po.get(path));
    expect(order.indexOf(a!)).toBe(order.indexOf(b!) + 1);
  });

  it('records in the history where the story moved from and to', async () => {
    const other = await t.projectWithTeam();
    const b = `/api/projects/${other.key}`;
    const keys: string[] = [];
    for (const title of ['1', '2', '3', '4', '5']) keys.push((await other.po.post(`${b}/stories`, { title })).body.story.key);
    await other.po.post(`${b}/backlog/rank`, { story: keys[3], before: keys[1] });
    await other.po.post(`${b}/backlog/rank`, { story: keys[0], after: keys[4] });
    const history = (await other.dev.get(`${b}/stories/${keys[3]}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ type: 'story.ranked', data: { from: { position: 4 }, to: { position: 2 } } });
    const last = (await other.dev.get(`${b}/stories/${keys[0]}/history`)).body.items.at(-1);
    expect(last.data).toMatchObject({ from: { position: 1 }, to: { position: 5 } });
    expect(keysOf(await other.dev.get(`${b}/backlog`))).toEqual([keys[3], keys[1], keys[2], keys[4], keys[0]]);
  });

  it('refuses everyone but the PO (and admin) with a message naming the PO', async () => {
    const [a, b] = await addStories(['X', 'Y']);
    const reply = await team.dev.post(`/api/projects/${team.key}/backlog/rank`, { story: b, before: a });
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatchObject({ code: 'forbidden', message: 'Only the Product Owner can change backlog order' });
  });
});
