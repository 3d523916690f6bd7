import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from './harness';
import { expectRefusal } from './expect';
import { freshKey, twoTeamProduct, type TwoTeamProduct } from './product-helpers';

/**
 * The product-level routes (`/api/products/:product/epics|roadmap/rank|vision|feedback`) act on the same
 * epics, roadmap, vision and inbox as the project-level ones, with the same bodies and codes; writes go to
 * one team's log (the caller's first team, else the product's first).
 */
let t: TestApp;
let p: TwoTeamProduct;
let base: string;
beforeAll(async () => {
  t = await startTestApp();
  p = await twoTeamProduct(t);
  base = `/api/products/${p.product}`;
});
afterAll(() => t.close());

const events = async (client: Client, team: string) =>
  (await client.get(`/api/projects/${team}/events?limit=500`)).body.items as {
    type: string;
    data: any;
  }[];

async function epic(title: string) {
  const reply = await p.pm.post(`${base}/epics`, { title });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.epic as { id: string; rank: string; title: string };
}

async function story(po: Client, team: string, fields: Record<string, unknown> = {}) {
  const reply = await po.post(`/api/projects/${team}/stories`, { title: 'A story', ...fields });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.story as { id: string; key: string; version: number };
}

describe('product epics', () => {
  it('are created, listed, read, edited and deleted from the product, the same epics every team sees', async () => {
    const made = await epic('Checkout');
    expect(made).toMatchObject({ title: 'Checkout', status: 'planned' });
    const listed = await p.devB.get(`${base}/epics`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((e: { id: string }) => e.id)).toContain(made.id);
    expect((await p.devA.get(`/api/projects/${p.teamA}/epics/${made.id}`)).body.epic.title).toBe('Checkout');
    expect((await p.stakeholder.get(`${base}/epics/${made.id}`)).body.epic.id).toBe(made.id);
    const edited = await p.pm.patch(`${base}/epics/${made.id}`, {
      title: 'Checkout v2',
      targetDate: '2031-01-31',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.epic).toMatchObject({ title: 'Checkout v2', targetDate: '2031-01-31' });
    expect((await p.cpo.delete(`${base}/epics/${made.id}`)).status).toBe(204);
    expect((await p.pm.get(`${base}/epics/${made.id}`)).status).toBe(404);
  });

  it('refuses bad input with the project-level codes, naming the field', async () => {
    const made = await epic('Dates');
    const before = await p.pm.patch(`${base}/epics/${made.id}`, { startDate: '2031-02-01' });
    expect(before.status).toBe(200);
    const reply = await p.pm.patch(`${base}/epics/${made.id}`, { targetDate: '2031-01-01' });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body.error)).toContain('targetDate');
    const nothing = await p.pm.patch(`${base}/epics/${made.id}`, {});
    expect(nothing.status).toBe(400);
    const untitled = await p.pm.post(`${base}/epics`, { title: '' });
    expect(untitled.status).toBe(400);
    expect(JSON.stringify(untitled.body.error)).toContain('title');
    expect((await p.pm.get(`${base}/epics/not-a-uuid`)).status).toBe(400);
  });

  it('refuses a PO and a developer (403 naming the PM) and tells an outsider nothing (404)', async () => {
    const po = await p.poA.post(`${base}/epics`, { title: 'Mine' });
    expect(po.status).toBe(403);
    expect(po.body.error.message).toBe('Only the Product Manager can create, edit or schedule epics');
    expect((await p.devB.post(`${base}/epics`, { title: 'Mine' })).status).toBe(403);
    const outsider = await p.outsider.get(`${base}/epics`);
    expect(outsider.status).toBe(404);
    expect(JSON.stringify(outsider.body)).not.toContain('Dates');
  });

  it('knows no epic of another product, from the product or from a team', async () => {
    const other = freshKey('O');
    await p.outsider.post('/api/products', { key: other, name: 'Other' });
    const theirs = (await p.outsider.post(`/api/products/${other}/epics`, { title: 'Theirs' })).body.epic;
    expect((await p.pm.get(`${base}/epics/${theirs.id}`)).status).toBe(404);
    expect((await p.pm.patch(`${base}/epics/${theirs.id}`, { title: 'Taken' })).status).toBe(404);
    expect((await p.pm.delete(`${base}/epics/${theirs.id}`)).status).toBe(404);
    expect((await p.outsider.get(`/api/products/${other}/epics/${theirs.id}`)).body.epic.title).toBe(
      'Theirs',
    );
  });

  it("records the write in the caller's own team's log (the product's first team for a product role)", async () => {
    const made = await epic('Logged');
    const [first] = [p.teamA, p.teamB].sort();
    expect(
      (await events(p.cpo, first!)).some((e) => e.type === 'epic.created' && e.data.epic.id === made.id),
    ).toBe(true);
    // A team's PM (a team role) writes through their own team.
    const teamPm = await t.register('Team PM');
    await p.cpo.post(`/api/projects/${p.teamB}/members`, {
      email: teamPm.user!.email,
      roles: ['product_manager'],
    });
    const theirs = (await teamPm.post(`${base}/epics`, { title: 'Through B' })).body.epic;
    expect(
      (await events(p.cpo, p.teamB)).some((e) => e.type === 'epic.created' && e.data.epic.id === theirs.id),
    ).toBe(true);
    // A product PM who is also in a team writes through that team, though another comes first by key.
    const [, second] = [p.teamA, p.teamB].sort();
    const both = await t.register('Product PM in a team');
    await p.cpo.post(`/api/products/${p.product}/members`, {
      email: both.user!.email,
      roles: ['product_manager'],
    });
    await p.cpo.post(`/api/projects/${second}/members`, { email: both.user!.email, roles: ['developer'] });
    const through = (await both.post(`${base}/epics`, { title: 'Through my team' })).body.epic;
    expect(
      (await events(p.cpo, second!)).some((e) => e.type === 'epic.created' && e.data.epic.id === through.id),
    ).toBe(true);
  });

  it("deletes an epic spanning two teams: each team's stories leave it with an event in their own team's log", async () => {
    const made = await epic('Spanning');
    const a = await story(p.poA, p.teamA, { epicId: made.id });
    const b = await story(p.poB, p.teamB, { epicId: made.id });
    // Through team A's route: team B's story is unlinked too, and B's log says so.
    expect((await p.pm.delete(`/api/projects/${p.teamA}/epics/${made.id}`)).status).toBe(204);
    for (const [po, team, s] of [
      [p.poA, p.teamA, a],
      [p.poB, p.teamB, b],
    ] as const) {
      const read = (await po.get(`/api/projects/${team}/stories/${s.key}`)).body.story;
      expect(read.epicId).toBeNull();
      expect(read.version).toBe(s.version + 1);
      const unlinked = (await events(po, team)).filter(
        (e) => e.type === 'story.updated' && e.data.story.key === s.key && e.data.from?.epicId === made.id,
      );
      expect(unlinked).toHaveLength(1);
    }
    const deleted = (await events(p.cpo, p.teamA)).find(
      (e) => e.type === 'epic.deleted' && e.data.epic.id === made.id,
    );
    expect(deleted?.data.unlinkedStories).toBe(2);
  });
});

describe('product roadmap rank', () => {
  it('orders the epics from the product, PM only, with the project-level body and codes', async () => {
    const one = await epic('One');
    const two = await epic('Two');
    const moved = await p.pm.post(`${base}/roadmap/rank`, { epic: two.id, before: one.id });
    expect(moved.status).toBe(200);
    const order = (await p.devA.get(`${base}/epics`)).body.items.map((e: { id: string }) => e.id);
    expect(order.indexOf(two.id)).toBeLessThan(order.indexOf(one.id));
    expect((await p.poA.post(`${base}/roadmap/rank`, { epic: one.id, before: two.id })).status).toBe(403);
    const bad = await p.pm.post(`${base}/roadmap/rank`, { epic: one.id, before: crypto.randomUUID() });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('before');
  });

  // The product lock of writeInProduct is what this proves, on PostgreSQL: with each move locking only its own
  // team (as before), moves through two teams read the same neighbours and collide on the unique rank.
  it('keeps ranks unique under 20 simultaneous moves through two teams and the product', async () => {
    const made: { id: string }[] = [];
    for (let i = 0; i < 8; i++) made.push(await epic(`Race ${i}`));
    const via = [`/api/projects/${p.teamA}`, `/api/projects/${p.teamB}`, base];
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        p.pm.post(`${via[i % 3]}/roadmap/rank`, { epic: made[(i % 7) + 1]!.id, after: made[0]!.id }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
    const ranks = (await p.pm.get(`${base}/epics`)).body.items.map((e: { rank: string }) => e.rank);
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});

describe('product vision', () => {
  it('is written by the PM from the product and read by every team', async () => {
    const reply = await p.pm.put(`${base}/vision`, { vision: 'Checkout in one tap' });
    expect(reply.status).toBe(200);
    expect(reply.body.product).toMatchObject({ key: p.product, vision: 'Checkout in one tap' });
    expect((await p.devB.get(`/api/projects/${p.teamB}`)).body.project.vision).toBe('Checkout in one tap');
    const po = await p.poB.put(`${base}/vision`, { vision: 'Mine' });
    expect(po.status).toBe(403);
    expect(po.body.error.message).toBe('Only the Product Manager can edit the product vision');
    const long = await p.pm.put(`${base}/vision`, { vision: 'x'.repeat(20_001) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.error)).toContain('vision');
  });
});

describe('product feedback', () => {
  it('takes feedback from any member and lists the whole inbox', async () => {
    const sent = await p.stakeholder.post(`${base}/feedback`, { body: 'Faster search', source: 'call' });
    expect(sent.status).toBe(201);
    expect(sent.body.feedback).toMatchObject({ body: 'Faster search', source: 'call', storyKey: null });
    const listed = await p.devA.get(`${base}/feedback`);
    expect(listed.body.items.map((f: { id: string }) => f.id)).toContain(sent.body.feedback.id);
    expect((await p.pm.get(`${base}/feedback?done=maybe`)).status).toBe(400);
  });

  it("is about a story of any team the caller reads, recorded in that story's team; another team's story is not found", async () => {
    const b = await story(p.poB, p.teamB);
    const fromPm = await p.pm.post(`${base}/feedback`, { body: 'About B', storyId: b.id });
    expect(fromPm.status).toBe(201);
    expect(fromPm.body.feedback.storyKey).toBe(b.key);
    expect(
      (await events(p.poB, p.teamB)).some(
        (e) => e.type === 'feedback.submitted' && e.data.feedback.id === fromPm.body.feedback.id,
      ),
    ).toBe(true);
    // Team A's developer cannot read team B: the story is not found, as one that does not exist.
    const fromA = await p.devA.post(`${base}/feedback`, { body: 'About B', storyId: b.id });
    const unknown = await p.devA.post(`${base}/feedback`, { body: 'About B', storyId: crypto.randomUUID() });
    expect(fromA.status).toBe(400);
    expect(fromA.body).toEqual(unknown.body);
    expect(JSON.stringify(fromA.body)).toContain('storyId');
  });

  it('is triaged by the PM from the product: linked to an epic, handled, logged in a team; nobody else may', async () => {
    const item = (await p.stakeholder.post(`${base}/feedback`, { body: 'Dark mode' })).body.feedback;
    const theme = await epic('Themes');
    const at = `${base}/feedback/${item.id}`;
    const triaged = await p.pm.patch(at, { epicId: theme.id, done: true });
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    expect(triaged.body.feedback).toMatchObject({ id: item.id, epicId: theme.id, done: true });
    expect(
      (await events(p.pm, p.teamA)).some(
        (e) => e.type === 'feedback.updated' && e.data.feedback.id === item.id && e.data.from.done === false,
      ),
    ).toBe(true);
    for (const who of [p.poA, p.stakeholder])
      expectRefusal(await who.patch(at, { done: false }), 403, 'forbidden');
    expectRefusal(await p.outsider.patch(at, { done: false }), 404, 'not_found');
    expectRefusal(
      await p.pm.patch(`${base}/feedback/${crypto.randomUUID()}`, { done: false }),
      404,
      'not_found',
    );
    expectRefusal(await p.pm.patch(at, {}), 400, 'validation_failed');
    expect(
      (await p.pm.get(`${base}/feedback`)).body.items.find((f: { id: string }) => f.id === item.id),
    ).toMatchObject({ epicId: theme.id, done: true });
  });
});

describe('a product without teams', () => {
  it('keeps its epics, roadmap, vision and feedback (with no log to record them in)', async () => {
    const key = freshKey('E');
    const owner = await t.register('Owner');
    expect((await owner.post('/api/products', { key, name: 'Empty' })).status).toBe(201);
    const at = `/api/products/${key}`;
    const one = (await owner.post(`${at}/epics`, { title: 'First' })).body.epic;
    const two = (await owner.post(`${at}/epics`, { title: 'Second' })).body.epic;
    expect((await owner.post(`${at}/roadmap/rank`, { epic: two.id, before: one.id })).status).toBe(200);
    expect((await owner.get(`${at}/epics`)).body.items.map((e: { id: string }) => e.id)).toEqual([
      two.id,
      one.id,
    ]);
    expect((await owner.put(`${at}/vision`, { vision: 'Soon' })).body.product.vision).toBe('Soon');
    expect((await owner.post(`${at}/feedback`, { body: 'Early', epicId: one.id })).status).toBe(201);
    const aStory = await owner.post(`${at}/feedback`, { body: 'Early', storyId: crypto.randomUUID() });
    expect(aStory.status).toBe(400);
    expect((await owner.delete(`${at}/epics/${one.id}`)).status).toBe(204);
  });
});
