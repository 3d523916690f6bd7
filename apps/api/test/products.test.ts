import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { freshKey, twoTeamProduct, type TwoTeamProduct } from './product-helpers';

let t: TestApp;
let p: TwoTeamProduct;
beforeAll(async () => {
  t = await startTestApp();
  p = await twoTeamProduct(t);
});
afterAll(() => t.close());

describe('products', () => {
  it('are created by their admin, listed for their members, and shown with their teams', async () => {
    const detail = await p.cpo.get(`/api/products/${p.product}`);
    expect(detail.status).toBe(200);
    expect(detail.body.roles).toEqual(['admin']);
    expect(detail.body.teams.map((team: { key: string }) => team.key).sort()).toEqual(
      [p.teamA, p.teamB].sort(),
    );
    expect(detail.body.teams[0]).toEqual({
      key: expect.any(String),
      name: expect.any(String),
      velocity: null,
    });
    const mine = await p.devA.get('/api/products');
    expect(mine.body.items.map((x: { key: string }) => x.key)).toEqual([p.product]);
    expect(mine.body.items[0].roles).toEqual(['developer']);
    expect((await p.pm.get(`/api/products/${p.product}`)).body.roles).toEqual(['product_manager']);
  });

  it('refuses a taken or malformed key, naming the field', async () => {
    const taken = await p.cpo.post('/api/products', { key: p.product, name: 'Again' });
    expect(taken.status).toBe(409);
    const bad = await p.cpo.post('/api/products', { key: 'no', name: 'Lower' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('key');
  });

  it('is nothing to an outsider: 404, no name', async () => {
    const reply = await p.outsider.get(`/api/products/${p.product}`);
    expect(reply.status).toBe(404);
    expect(JSON.stringify(reply.body)).not.toContain(`Product ${p.product}`);
    expect((await p.outsider.get('/api/products')).body.items).toEqual([]);
  });

  it('gives a project created without a product a product of its own, its creator admin', async () => {
    const key = freshKey('S');
    const created = await p.devA.post('/api/projects', { key, name: 'Solo' });
    expect(created.status).toBe(201);
    expect(created.body.project.product).toEqual({ key, name: 'Solo' });
    expect((await p.devA.get(`/api/products/${key}`)).body.roles).toEqual(['admin']);
  });

  it('lets only its admin add a team to a product', async () => {
    const pmTry = await p.pm.post('/api/projects', { key: freshKey('X'), name: 'X', product: p.product });
    expect(pmTry.status).toBe(403);
    expect(pmTry.body.error.message).toBe("Only the Admin can manage the product's members and teams");
    const strangerTry = await p.outsider.post('/api/projects', {
      key: freshKey('X'),
      name: 'X',
      product: p.product,
    });
    expect(strangerTry.status).toBe(400);
    expect(strangerTry.body.error.message).toContain('product');
  });
});

describe('product roles across teams', () => {
  it('lets the product PM manage epics and the roadmap from any team, never a backlog', async () => {
    const epic = await p.pm.post(`/api/projects/${p.teamA}/epics`, { title: 'Checkout v2' });
    expect(epic.status).toBe(201);
    const seen = await p.devB.get(`/api/projects/${p.teamB}/epics/${epic.body.epic.id}`);
    expect(seen.status).toBe(200);
    const other = await p.pm.post(`/api/projects/${p.teamB}/epics`, { title: 'Payments' });
    expect(other.status).toBe(201);
    const ranked = await p.pm.post(`/api/projects/${p.teamB}/roadmap/rank`, {
      epic: other.body.epic.id,
      before: epic.body.epic.id,
    });
    expect(ranked.status).toBe(200);
    const story = await p.poA.post(`/api/projects/${p.teamA}/stories`, { title: 'One' });
    const second = await p.poA.post(`/api/projects/${p.teamA}/stories`, { title: 'Two' });
    const rank = await p.pm.post(`/api/projects/${p.teamA}/backlog/rank`, {
      story: second.body.story.key,
      before: story.body.story.key,
    });
    expect(rank.status).toBe(403);
    expect(rank.body.error.message).toBe('Only the Product Owner can change backlog order');
  });

  it("lets each PO order only their own team's backlog", async () => {
    const one = await p.poB.post(`/api/projects/${p.teamB}/stories`, { title: 'B one' });
    const two = await p.poB.post(`/api/projects/${p.teamB}/stories`, { title: 'B two' });
    const move = { story: two.body.story.key, before: one.body.story.key };
    expect((await p.poB.post(`/api/projects/${p.teamB}/backlog/rank`, move)).status).toBe(200);
    const other = await p.poA.post(`/api/projects/${p.teamB}/backlog/rank`, move);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('B one');
  });

  it('lets the product stakeholder read every team and change nothing', async () => {
    for (const team of [p.teamA, p.teamB]) {
      expect((await p.stakeholder.get(`/api/projects/${team}/backlog`)).status).toBe(200);
      expect((await p.stakeholder.get(`/api/projects/${team}`)).body.roles).toEqual(['stakeholder']);
      expect((await p.stakeholder.post(`/api/projects/${team}/stories`, { title: 'Mine' })).status).toBe(403);
      expect((await p.stakeholder.post(`/api/projects/${team}/epics`, { title: 'Mine' })).status).toBe(403);
    }
    const projects = (await p.stakeholder.get('/api/projects')).body.items.map((x: { key: string }) => x.key);
    expect(projects.sort()).toEqual([p.teamA, p.teamB].sort());
  });

  it("refuses a story's epic of another product, and takes one of its own product from any team", async () => {
    const ours = await p.pm.post(`/api/projects/${p.teamA}/epics`, { title: 'Shared' });
    const story = await p.poB.post(`/api/projects/${p.teamB}/stories`, {
      title: 'Uses it',
      epicId: ours.body.epic.id,
    });
    expect(story.status).toBe(201);
    expect(story.body.story.epicId).toBe(ours.body.epic.id);
    const key = freshKey('O');
    await p.poB.post('/api/projects', { key, name: 'Elsewhere' });
    const theirs = await p.poB.post(`/api/projects/${key}/epics`, { title: 'Not yours' });
    const refused = await p.poB.post(`/api/projects/${p.teamB}/stories`, {
      title: 'Bad',
      epicId: theirs.body.epic.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('epicId');
  });
});

describe('product members', () => {
  it('are managed by the product admin; a product keeps one admin', async () => {
    const someone = await t.register('Someone');
    const base = `/api/products/${p.product}/members`;
    expect((await p.pm.post(base, { email: someone.user!.email, roles: ['stakeholder'] })).status).toBe(403);
    expect((await p.outsider.post(base, { email: someone.user!.email, roles: ['stakeholder'] })).status).toBe(
      404,
    );
    const bad = await p.cpo.post(base, { email: someone.user!.email, roles: ['product_owner'] });
    expect(bad.status).toBe(400);
    const added = await p.cpo.post(base, { email: someone.user!.email, roles: ['stakeholder'] });
    expect(added.status).toBe(201);
    expect((await someone.get(`/api/projects/${p.teamA}`)).status).toBe(200);
    const changed = await p.cpo.patch(`${base}/${someone.user!.id}`, { roles: ['product_manager'] });
    expect(changed.body.member.roles).toEqual(['product_manager']);
    expect((await p.cpo.delete(`${base}/${someone.user!.id}`)).status).toBe(204);
    expect((await someone.get(`/api/projects/${p.teamA}`)).status).toBe(404);
    const last = await p.cpo.delete(`${base}/${p.cpo.user!.id}`);
    expect(last.status).toBe(409);
    const listed = await p.devA.get(base);
    expect(listed.body.items.map((m: { roles: string[] }) => m.roles).sort()).toEqual([
      ['admin'],
      ['product_manager'],
      ['stakeholder'],
    ]);
  });
});

describe('moving a team into a product', () => {
  it('needs admin of both, and brings its own epics and feedback along with its history', async () => {
    const key = freshKey('M');
    await p.devA.post('/api/projects', { key, name: 'Mover' });
    const epic = await p.devA.post(`/api/projects/${key}/epics`, { title: 'Mover epic' });
    await p.devA.post(`/api/projects/${key}/stories`, { title: 'Mover story', epicId: epic.body.epic.id });
    await p.devA.post(`/api/projects/${key}/feedback`, { body: 'Love it', epicId: epic.body.epic.id });
    const before = (await p.devA.get(`/api/projects/${key}/events?limit=500`)).body.lastSeq;
    // devA is no admin of the target product; the CPO is no member of the moving project.
    expect((await p.devA.post(`/api/products/${p.product}/teams`, { project: key })).status).toBe(403);
    expect((await p.cpo.post(`/api/products/${p.product}/teams`, { project: key })).status).toBe(400);
    await p.cpo.post(`/api/products/${key}/members`, { email: p.devA.user!.email, roles: ['admin'] });
    await p.devA.post(`/api/products/${key}/members`, { email: p.cpo.user!.email, roles: ['admin'] });
    const moved = await p.cpo.post(`/api/products/${p.product}/teams`, { project: key });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.teams.map((x: { key: string }) => x.key)).toContain(key);
    const epics = (await p.pm.get(`/api/projects/${p.teamA}/epics`)).body.items.map(
      (e: { id: string }) => e.id,
    );
    expect(epics).toContain(epic.body.epic.id);
    const feedback = (await p.pm.get(`/api/projects/${p.teamA}/feedback`)).body.items;
    expect(feedback.map((f: { body: string }) => f.body)).toContain('Love it');
    const after = await p.cpo.get(`/api/projects/${key}/events?limit=500`);
    expect(after.body.lastSeq).toBeGreaterThan(before);
    expect(after.body.items.some((e: { type: string }) => e.type === 'story.created')).toBe(true);
    expect((await p.pm.get(`/api/projects/${key}`)).body.project.product.key).toBe(p.product);
  });

  it('takes its stories out of an epic other teams still use, through the story writer: a new version and a story.updated each', async () => {
    const q = await twoTeamProduct(t);
    const epic = (await q.pm.post(`/api/products/${q.product}/epics`, { title: 'Shared' })).body.epic;
    const mine = (await q.poA.post(`/api/projects/${q.teamA}/stories`, { title: 'A', epicId: epic.id })).body
      .story;
    const theirs = (await q.poB.post(`/api/projects/${q.teamB}/stories`, { title: 'B', epicId: epic.id }))
      .body.story;
    const target = freshKey('P');
    expect((await q.cpo.post('/api/products', { key: target, name: 'Target' })).status).toBe(201);
    const since = (await q.cpo.get(`/api/projects/${q.teamA}/events?limit=1000`)).body.lastSeq;
    expect((await q.cpo.post(`/api/products/${target}/teams`, { project: q.teamA })).status).toBe(200);

    const left = (await q.cpo.get(`/api/projects/${q.teamA}/stories/${mine.key}`)).body.story;
    expect([left.epicId, left.version]).toEqual([null, mine.version + 1]);
    const events = (await q.cpo.get(`/api/projects/${q.teamA}/events?since=${since}`)).body.items;
    const updated = events.filter((e: { type: string }) => e.type === 'story.updated');
    expect(updated).toHaveLength(1);
    expect(updated[0].data.from).toEqual({ epicId: epic.id });
    expect(updated[0].data.story).toMatchObject({ id: mine.id, epicId: null, version: left.version });
    const stays = (await q.cpo.get(`/api/projects/${q.teamB}/stories/${theirs.key}`)).body.story;
    expect([stays.epicId, stays.version]).toEqual([epic.id, theirs.version]);
  });
});

describe('the portfolio', () => {
  it('shows the head of product every product they are admin of, with teams, risks and the next target', async () => {
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    await p.pm.post(`/api/projects/${p.teamA}/epics`, { title: 'Later', targetDate: later });
    await p.pm.post(`/api/projects/${p.teamA}/epics`, { title: 'Soon', targetDate: soon });
    const reply = await p.cpo.get('/api/portfolio');
    expect(reply.status).toBe(200);
    const mine = reply.body.products.find((x: { product: { key: string } }) => x.product.key === p.product);
    const epics = (await p.pm.get(`/api/projects/${p.teamA}/epics`)).body.items;
    expect(mine.epics.total).toBe(epics.length);
    expect(mine.nextTarget).toBe(soon);
    expect(mine.teams.map((x: { key: string }) => x.key)).toEqual(expect.arrayContaining([p.teamA, p.teamB]));
    expect((await p.pm.get('/api/portfolio')).body.products).toEqual([]);
    expect((await p.outsider.get('/api/portfolio')).body.products).toEqual([]);
  });
});
