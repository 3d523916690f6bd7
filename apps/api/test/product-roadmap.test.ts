import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type Team, type TestApp } from './harness';
import { expectInvalid, expectRefusal } from './expect';
import { addStory, closeSprints, createEpic, daysFrom, todayUtc } from './pm-helpers';

let t: TestApp;
let app: Team;
let web: Team;
let productKey: string;
/** Holds the product's PM role and is in neither team: reads every team through the product. */
let productPm: Client;
const stories = { api: '', landing: '', basket: '' };
// Velocity 10 in both teams, no active sprint: sprint 1 ends today + 13, sprint 2 today + 27.
const sprintEnd = (n: number) => daysFrom(todayUtc(), 13 + 14 * (n - 1));

/** APP's admin becomes admin of WEB's product too, moves WEB into APP's product and makes `user` its PM. */
async function joinProducts(user: Client) {
  const ok = async (reply: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await reply;
    expect(status, JSON.stringify(body)).toBeLessThan(300);
  };
  const adminOf = { email: app.admin.user!.email, roles: ['admin'] };
  await ok(web.admin.post(`/api/products/${web.key}/members`, adminOf));
  await ok(app.admin.post(`/api/products/${app.key}/teams`, { project: web.key }));
  await ok(
    app.admin.post(`/api/products/${app.key}/members`, {
      email: user.user!.email,
      roles: ['product_manager'],
    }),
  );
}

const roadmapOf = async (client: Client) => {
  const reply = await client.get(`/api/products/${productKey}/roadmap`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as { teams: { key: string; velocity: number }[]; epics: any[] };
};
const checkout = async (client: Client) =>
  (await roadmapOf(client)).epics.find((e) => e.epic.title === 'Checkout');
const linksOf = async (team: Team, key: string) =>
  (await team.dev.get(`/api/projects/${team.key}/stories/${key}`)).body.story.links;

beforeAll(async () => {
  t = await startTestApp();
  app = await t.projectWithTeam();
  web = await t.projectWithTeam();
  productKey = app.key;
  productPm = app.outsider;
  await joinProducts(productPm);
  await closeSprints(t, app, [10, 10, 10]);
  await closeSprints(t, web, [10, 10, 10]);
  const epic = await createEpic(app, { title: 'Checkout', targetDate: sprintEnd(1) });
  stories.api = (await addStory(app, 'Checkout API', 5, epic.id)).key;
  stories.landing = (await addStory(web, 'Landing page', 13)).key;
  stories.basket = (await addStory(web, 'Basket widget', 5, epic.id)).key;
  const linked = await web.dev.post(`/api/projects/${web.key}/stories/${stories.basket}/links`, {
    type: 'blocks',
    story: stories.api,
  });
  expect(linked.status, JSON.stringify(linked.body)).toBe(201);
  // The WEB developer is not in APP: the link names the story, never its title.
  expect(linked.body.link.story).toEqual({ key: stories.api, title: null, projectKey: app.key });
});
afterAll(() => t.close());

describe('the product roadmap across teams', () => {
  it("forecasts each team's part from its own order, the epic done with its last part", async () => {
    const roadmap = await roadmapOf(productPm);
    expect(roadmap.teams.map((team) => [team.key, team.velocity])).toEqual(
      [
        [app.key, 10],
        [web.key, 10],
      ].sort(),
    );
    const entry = await checkout(productPm);
    const parts = Object.fromEntries(entry.teams.map((p: any) => [p.key, p]));
    // APP lands its story in sprint 1, but it waits for WEB's blocker, which WEB's order lands in sprint 2.
    expect(parts[web.key].forecast).toMatchObject({
      expected: sprintEnd(2),
      p50: sprintEnd(2),
      p85: sprintEnd(2),
    });
    expect(parts[app.key].forecast.expected).toBe(sprintEnd(2));
    expect(parts[web.key].atRisk).toBe(true);
    expect(entry.forecast).toMatchObject({ expected: sprintEnd(2), p85: sprintEnd(2), state: 'forecast' });
    expect(entry.atRisk).toBe(true);
    expect(entry.progress).toMatchObject({ totalPoints: 10, totalStories: 2 });
  });

  it('reports the blocker its team finishes too late as a dependency conflict, on both stories too', async () => {
    const entry = await checkout(productPm);
    expect(entry.blockedBy).toEqual([
      {
        story: stories.basket,
        projectKey: web.key,
        epicId: entry.epic.id,
        blocks: stories.api,
        blocksProjectKey: app.key,
        conflict: true,
        finishes: sprintEnd(2),
        lands: sprintEnd(1),
      },
    ]);
    expect(await linksOf(app, stories.api)).toMatchObject([
      // The APP developer is not in WEB: "a story of another team", no title.
      {
        direction: 'inward',
        conflict: true,
        story: { key: stories.basket, title: null, projectKey: web.key },
      },
    ]);
    expect(await linksOf(web, stories.basket)).toMatchObject([{ direction: 'outward', conflict: true }]);
  });

  it('names stories of a team the reader is not in only by their team', async () => {
    const seenFromWeb = (await checkout(web.dev)).blockedBy[0];
    expect(seenFromWeb).toMatchObject({ story: stories.basket, blocks: null, blocksProjectKey: app.key });
    const seenFromApp = (await checkout(app.dev)).blockedBy[0];
    expect(seenFromApp).toMatchObject({ story: null, projectKey: web.key, blocks: stories.api });
    expect(JSON.stringify(await roadmapOf(app.dev))).not.toContain('Basket widget');
  });

  it('is not found for someone in no team of the product, and for a product that does not exist', async () => {
    expectRefusal(await web.outsider.get(`/api/products/${productKey}/roadmap`), 404, 'not_found');
    expectRefusal(await productPm.get('/api/products/NOSUCH/roadmap'), 404, 'not_found');
    expectInvalid(await productPm.get('/api/products/not-a-key/roadmap'), 'product');
  });

  it('refuses a cross-team loop of blockers and a story of another product', async () => {
    expectInvalid(
      await app.dev.post(`/api/projects/${app.key}/stories/${stories.api}/links`, {
        type: 'blocks',
        story: stories.basket,
      }),
      'story',
    );
    const elsewhere = await t.projectWithTeam();
    const theirs = (await addStory(elsewhere, 'Not ours', 1)).key;
    expectInvalid(
      await app.dev.post(`/api/projects/${app.key}/stories/${stories.api}/links`, {
        type: 'relates',
        story: theirs,
      }),
      'story',
    );
  });

  it("moves when WEB's PO ranks the blocker first: the conflict is gone", async () => {
    const ranked = await web.po.post(`/api/projects/${web.key}/backlog/rank`, {
      story: stories.basket,
      before: stories.landing,
    });
    expect(ranked.status, JSON.stringify(ranked.body)).toBe(200);
    const entry = await checkout(productPm);
    expect(entry.blockedBy).toEqual([]);
    expect(entry.dependencies).toMatchObject([{ story: stories.basket, conflict: false }]);
    expect(entry.forecast.expected).toBe(sprintEnd(1));
    expect(entry.atRisk).toBe(false);
    expect(await linksOf(app, stories.api)).toMatchObject([{ conflict: false }]);
  });
});
