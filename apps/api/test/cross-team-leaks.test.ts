import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { freshKey, twoTeamProduct, type TwoTeamProduct } from './product-helpers';
import { openLive } from './live-socket';

/**
 * A member of team A who is not in team B learns nothing of B's stories: not through links, the roadmap,
 * search, the feedback inbox, the event log or the live socket (404, and no title or key). Product roles
 * (PM, stakeholder, admin) read every team.
 */
let t: TestApp;
let p: TwoTeamProduct;
const SECRET = 'Quarantined payments rewrite';
let secret: { id: string; key: string };
let mine: { id: string; key: string };
beforeAll(async () => {
  t = await startTestApp();
  p = await twoTeamProduct(t);
  secret = (await p.poB.post(`/api/projects/${p.teamB}/stories`, { title: SECRET })).body.story;
  mine = (await p.poA.post(`/api/projects/${p.teamA}/stories`, { title: 'Checkout button' })).body.story;
});
afterAll(() => t.close());

const noSecret = (body: unknown) => expect(JSON.stringify(body)).not.toContain(SECRET);

describe('cross-team leaks', () => {
  it("answers 404 for B's story and B's project to A's developer, with no title", async () => {
    const read = await p.devA.get(`/api/projects/${p.teamB}/stories/${secret.key}`);
    expect(read.status).toBe(404);
    noSecret(read.body);
    expect((await p.devA.get(`/api/projects/${p.teamB}/backlog`)).status).toBe(404);
    expect((await p.stakeholder.get(`/api/projects/${p.teamB}/stories/${secret.key}`)).body.story.title).toBe(
      SECRET,
    );
  });

  it("shows a link to B's story as a story of another team, in the story and in A's log, whoever linked", async () => {
    // The product PM reads both teams: their answer names the story; A's log, read by all of A, does not.
    const linked = await p.pm.post(`/api/projects/${p.teamA}/stories/${mine.key}/links`, {
      type: 'relates',
      story: secret.key,
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    expect(linked.body.link.story.title).toBe(SECRET);
    const story = await p.devA.get(`/api/projects/${p.teamA}/stories/${mine.key}`);
    expect(story.body.story.links).toEqual([
      expect.objectContaining({ story: { key: secret.key, title: null, projectKey: p.teamB, done: false } }),
    ]);
    noSecret(story.body);
    const events = await p.devA.get(`/api/projects/${p.teamA}/events?limit=500`);
    expect(events.body.items.some((e: { type: string }) => e.type === 'link.added')).toBe(true);
    noSecret(events.body);
    // The PM reading the same story sees the title.
    const asPm = await p.pm.get(`/api/projects/${p.teamA}/stories/${mine.key}`);
    expect(asPm.body.story.links[0].story.title).toBe(SECRET);
  });

  it("finds B's story in search for product roles only, never for A's developer", async () => {
    const words = await p.devA.get(`/api/search?q=${encodeURIComponent('payments rewrite')}`);
    expect(words.status).toBe(200);
    expect(words.body.items).toEqual([]);
    const byKey = await p.devA.get(`/api/search?q=${secret.key}`);
    noSecret(byKey.body);
    const scoped = await p.devA.get(`/api/search?q=payments&project=${p.teamB}`);
    expect(scoped.body.items).toEqual([]);
    for (const reader of [p.pm, p.stakeholder, p.cpo]) {
      const found = await reader.get(`/api/search?q=${encodeURIComponent('payments rewrite')}`);
      expect(found.body.items.map((i: { story: { key: string } }) => i.story.key)).toEqual([secret.key]);
    }
  });

  it("names feedback's story of B to nobody outside B", async () => {
    const sent = await p.pm.post(`/api/products/${p.product}/feedback`, {
      body: 'Refunds',
      storyId: secret.id,
    });
    expect(sent.status).toBe(201);
    for (const path of [`/api/projects/${p.teamA}/feedback`, `/api/products/${p.product}/feedback`]) {
      const inbox = await p.devA.get(path);
      const item = inbox.body.items.find((f: { id: string }) => f.id === sent.body.feedback.id);
      expect(item).toMatchObject({ body: 'Refunds', storyId: null, storyKey: null });
      expect(JSON.stringify(inbox.body)).not.toContain(secret.key);
    }
    const asPoB = await p.poB.get(`/api/projects/${p.teamB}/feedback`);
    expect(asPoB.body.items.find((f: { id: string }) => f.id === sent.body.feedback.id).storyKey).toBe(
      secret.key,
    );
  });

  it("links feedback to B's story through A's routes for whoever reads B, recorded in B's log; never for A's developer, nor another product's story", async () => {
    const inboxOfA = `/api/projects/${p.teamA}/feedback`;
    const sent = await p.pm.post(inboxOfA, { body: 'Refunds take a week' });
    expect(sent.status).toBe(201);
    const triaged = await p.pm.patch(`${inboxOfA}/${sent.body.feedback.id}`, { storyId: secret.id });
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    expect(triaged.body.feedback).toMatchObject({ storyId: secret.id, storyKey: secret.key });
    // The event names B's story: it is in B's log, read by B; A's log, read by all of A, holds none of it.
    const logOf = async (team: string) =>
      (await p.pm.get(`/api/projects/${team}/events?limit=500`)).body.items as {
        type: string;
        data: { feedback?: { id: string } };
      }[];
    const about = (events: Awaited<ReturnType<typeof logOf>>) =>
      events.filter((e) => e.type === 'feedback.updated' && e.data.feedback?.id === sent.body.feedback.id);
    expect(about(await logOf(p.teamB))).toHaveLength(1);
    const feedbackInA = (await logOf(p.teamA)).filter((e) => e.type.startsWith('feedback.'));
    expect(about(feedbackInA)).toEqual([]);
    expect(JSON.stringify(feedbackInA)).not.toContain(secret.key);
    const asDevA = (await p.devA.get(inboxOfA)).body.items.find(
      (f: { id: string }) => f.id === sent.body.feedback.id,
    );
    expect(asDevA).toMatchObject({ storyId: null, storyKey: null });

    // Sent through A's route about B's story: the product stakeholder reads B; A's developer does not, and
    // learns nothing more than for a story that does not exist.
    const fromStakeholder = await p.stakeholder.post(inboxOfA, { body: 'Also slow', storyId: secret.id });
    expect(fromStakeholder.status, JSON.stringify(fromStakeholder.body)).toBe(201);
    expect(fromStakeholder.body.feedback.storyKey).toBe(secret.key);
    const fromDevA = await p.devA.post(inboxOfA, { body: 'About B', storyId: secret.id });
    const unknown = await p.devA.post(inboxOfA, { body: 'About B', storyId: crypto.randomUUID() });
    expect(fromDevA.status).toBe(400);
    expect(fromDevA.body).toEqual(unknown.body);
    noSecret(fromDevA.body);

    // A's own admin triages it too (admin may do everything in A) but reads no more of B than A's developer.
    const adminA = await t.register('Admin A');
    const made = await p.cpo.post(`/api/projects/${p.teamA}/members`, {
      email: adminA.user!.email,
      roles: ['admin'],
    });
    expect(made.status).toBe(201);
    const closed = await adminA.patch(`${inboxOfA}/${sent.body.feedback.id}`, { done: true });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.feedback).toMatchObject({ done: true, storyId: null, storyKey: null });

    // A story of another product is no story of this one, whoever asks.
    const elsewhere = await t.projectWithTeam();
    const theirs = (await elsewhere.po.post(`/api/projects/${elsewhere.key}/stories`, { title: 'Theirs' }))
      .body.story;
    const foreign = await p.pm.patch(`${inboxOfA}/${sent.body.feedback.id}`, { storyId: theirs.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toContain('storyId');
    expect(JSON.stringify(foreign.body)).not.toContain('Theirs');
  });

  it("keeps B's titles out of the product roadmap for A's developer", async () => {
    const epic = (await p.pm.post(`/api/products/${p.product}/epics`, { title: 'Payments' })).body.epic;
    await p.poB.patch(`/api/projects/${p.teamB}/stories/${secret.key}`, { version: 1, epicId: epic.id });
    const roadmap = await p.devA.get(`/api/products/${p.product}/roadmap`);
    expect(roadmap.status).toBe(200);
    noSecret(roadmap.body);
  });

  it("refuses A's developer a live subscription to B (as for a project that does not exist); a product role gets one", async () => {
    const socket = await openLive(t.url, p.devA);
    socket.send({ type: 'subscribe', project: p.teamB, since: 0 });
    socket.send({ type: 'subscribe', project: 'NOSUCH', since: 0 });
    await socket.waitFor((m) => m.type === 'error' && m.project === 'NOSUCH');
    expect(socket.messages).toEqual([
      { type: 'error', code: 'not_found', message: 'No such project', project: p.teamB },
      { type: 'error', code: 'not_found', message: 'No such project', project: 'NOSUCH' },
    ]);
    socket.close();
    const reader = await openLive(t.url, p.stakeholder);
    reader.send({ type: 'subscribe', project: p.teamB, since: 0 });
    await reader.waitFor((m) => m.type === 'event' && m.project === p.teamB);
    reader.close();
  });
  it('ends the live subscription of someone removed from the product at once, on every team they read through it', async () => {
    const watcher = await t.register('Watcher');
    const added = await p.cpo.post(`/api/products/${p.product}/members`, {
      email: watcher.user!.email,
      roles: ['stakeholder'],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const socket = await openLive(t.url, watcher);
    socket.send({ type: 'subscribe', project: p.teamB, since: 0 });
    await socket.waitFor((m) => m.type === 'presence' && m.project === p.teamB);
    const removed = await p.cpo.delete(`/api/products/${p.product}/members/${watcher.user!.id}`);
    expect(removed.status).toBe(204);
    await socket.waitFor((m) => m.type === 'error' && m.code === 'forbidden' && m.project === p.teamB);
    // The subscription is gone: a story B writes now reaches a reader who stayed (the same feed wakes all of
    // its readers at once), and not the removed one, asked something after it on its ordered socket.
    const stayed = await openLive(t.url, p.stakeholder);
    stayed.send({ type: 'subscribe', project: p.teamB });
    await stayed.waitFor((m) => m.type === 'presence' && m.project === p.teamB);
    await p.poB.post(`/api/projects/${p.teamB}/stories`, { title: 'After the removal' });
    await stayed.waitFor((m) => m.type === 'event' && JSON.stringify(m).includes('After the removal'));
    socket.send({ type: 'subscribe', project: 'NOSUCH', since: 0 });
    await socket.waitFor((m) => m.type === 'error' && m.project === 'NOSUCH');
    expect(JSON.stringify(socket.messages)).not.toContain('After the removal');
    socket.close();
    stayed.close();
  });
  it('ends the live subscription of someone who read a team through its product, once the team moves to another product', async () => {
    const socket = await openLive(t.url, p.stakeholder);
    socket.send({ type: 'subscribe', project: p.teamB });
    await socket.waitFor((m) => m.type === 'presence' && m.project === p.teamB);
    const other = freshKey('Q');
    expect((await p.cpo.post('/api/products', { key: other, name: `Product ${other}` })).status).toBe(201);
    const moved = await p.cpo.post(`/api/products/${other}/teams`, { project: p.teamB });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await socket.waitFor((m) => m.type === 'error' && m.code === 'forbidden' && m.project === p.teamB);
    socket.close();
  });
});
