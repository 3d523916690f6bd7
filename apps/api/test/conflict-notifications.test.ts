import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from './harness';
import { inbox, type InboxItem } from './notification-helpers';
import { closeSprints } from './pm-helpers';
import { twoTeamProduct, type TwoTeamProduct } from './product-helpers';
import { openLive } from './live-socket';
import { newSprint, plan } from './sprint-helpers';

/**
 * A dependency conflict (a `blocks` link between two teams whose blocker its team finishes after the blocked
 * story's team reaches it) is told to both teams' POs and the product's PMs when it appears: through a new
 * link, a rank move of either story or a sprint planned; once while it stands; never to whoever made it.
 *
 * Velocity 10 in both teams. Team A (the blocker's): F 13, X 5, G 1, so X lands in sprint 2. Team B: H 13,
 * Y 5, so Y lands in sprint 2 as well: X blocks Y without a conflict until one of the POs moves.
 */
let t: TestApp;
let p: TwoTeamProduct;
const a: Record<'f' | 'x' | 'g', string> = { f: '', x: '', g: '' };
const b: Record<'h' | 'y', string> = { h: '', y: '' };
const SECRET_Y = 'Pay with a saved card';

async function story(client: Client, team: string, title: string, points: number) {
  const reply = await client.post(`/api/projects/${team}/stories`, { title, points });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.story.key as string;
}
const rank = async (client: Client, team: string, body: Record<string, string>) => {
  const reply = await client.post(`/api/projects/${team}/backlog/rank`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
};
const conflicts = async (client: Client): Promise<InboxItem[]> =>
  (await inbox(client)).items.filter((n) => n.type === 'dependency_conflict');
const linkConflict = async (team: string, key: string) =>
  (await p.pm.get(`/api/projects/${team}/stories/${key}`)).body.story.links.map(
    (l: { conflict: boolean }) => l.conflict,
  );

beforeAll(async () => {
  t = await startTestApp();
  p = await twoTeamProduct(t);
  for (const team of [p.teamA, p.teamB]) {
    const { body } = await p.cpo.get(`/api/projects/${team}`);
    await closeSprints(t, body, [10, 10, 10]);
  }
  a.f = await story(p.devA, p.teamA, 'Fraud rules', 13);
  a.x = await story(p.devA, p.teamA, 'Payments API', 5);
  a.g = await story(p.devA, p.teamA, 'Receipts', 1);
  b.h = await story(p.devB, p.teamB, 'Landing page', 13);
  b.y = await story(p.devB, p.teamB, SECRET_Y, 5);
});
afterAll(() => t.close());

describe('dependency conflict notifications', () => {
  it('tell nobody of a new link that is no conflict', async () => {
    const linked = await p.devA.post(`/api/projects/${p.teamA}/stories/${a.x}/links`, {
      type: 'blocks',
      story: b.y,
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    expect(await linkConflict(p.teamA, a.x)).toEqual([false]);
    for (const who of [p.poA, p.poB, p.pm]) expect(await conflicts(who)).toEqual([]);
  });

  it("reach the blocker's PO live and the product's PM when the blocked story's PO ranks it ahead of its blocker", async () => {
    const socket = await openLive(t.url, p.poA);
    await rank(p.poB, p.teamB, { story: b.y, before: b.h });
    const frame = await socket.waitFor(
      (m) => m.type === 'notification' && m.notification.type === 'dependency_conflict',
    );
    socket.close();
    expect(await linkConflict(p.teamA, a.x)).toEqual([true]);
    const [toA] = await conflicts(p.poA);
    expect(frame).toMatchObject({ notification: { id: toA!.id } });
    // In A, about A's story: B's title stays out of it (A's PO is not in team B), B's key is there.
    expect(toA).toMatchObject({
      project: { key: p.teamA },
      story: { key: a.x, title: 'Payments API' },
      actor: { id: p.poB.user!.id, name: 'PO B' },
    });
    expect(toA!.text).toMatch(
      new RegExp(
        `^PO B's change makes a dependency conflict: your ${a.x} Payments API blocks ${b.y} of team ${p.teamB}, but your order finishes it by \\d+ \\w+ \\d{4}, after team ${p.teamB} reaches ${b.y} \\(by \\d+ \\w+ \\d{4}\\)\\. Rank ${a.x} higher, or ask ${p.teamB}'s Product Owner to rank ${b.y} lower\\.$`,
      ),
    );
    expect(toA!.text).not.toContain(SECRET_Y);
    // The product's PM is in neither team: their inbox shows it all the same, about the story that waits.
    const [toPm] = await conflicts(p.pm);
    expect(toPm).toMatchObject({ project: { key: p.teamB }, story: { key: b.y, title: SECRET_Y } });
    expect(toPm!.text).toContain(`${a.x} Payments API (team ${p.teamA}) blocks ${b.y} ${SECRET_Y}`);
    // Not the PO who moved, nor anyone who orders nothing.
    for (const who of [p.poB, p.devA, p.devB, p.stakeholder, p.cpo, p.outsider])
      expect(await conflicts(who)).toEqual([]);
  });

  it('tell nobody again while the conflict stands, whatever moves', async () => {
    await rank(p.poA, p.teamA, { story: a.x, after: a.g });
    await rank(p.poB, p.teamB, { story: b.h, after: b.y });
    expect(await linkConflict(p.teamA, a.x)).toEqual([true]);
    expect(await conflicts(p.poA)).toHaveLength(1);
    expect(await conflicts(p.pm)).toHaveLength(1);
    expect(await conflicts(p.poB)).toEqual([]);
  });

  it("tell the blocked story's PO when the blocker's PO ranks it down again after it was resolved", async () => {
    await rank(p.poA, p.teamA, { story: a.x, before: a.f });
    expect(await linkConflict(p.teamA, a.x)).toEqual([false]);
    expect(await conflicts(p.poB)).toEqual([]);
    await rank(p.poA, p.teamA, { story: a.x, after: a.g });
    expect(await linkConflict(p.teamA, a.x)).toEqual([true]);
    const [toB] = await conflicts(p.poB);
    expect(toB).toMatchObject({ project: { key: p.teamB }, story: { key: b.y, title: SECRET_Y } });
    expect(toB!.text).toMatch(
      new RegExp(
        `^PO A's change makes a dependency conflict: your ${b.y} ${SECRET_Y} waits for ${a.x} of team ${p.teamA}, but ${p.teamA}'s order finishes it by .*, after your team reaches ${b.y} .*Rank ${b.y} lower, or ask ${p.teamA}'s Product Owner to rank ${a.x} higher\\.$`,
      ),
    );
    expect(await conflicts(p.pm)).toHaveLength(2);
    expect(await conflicts(p.poA)).toHaveLength(1);
  });

  it('tell both POs of a link that is a conflict from the start, made by someone else', async () => {
    const linked = await p.devA.post(`/api/projects/${p.teamA}/stories/${a.g}/links`, {
      type: 'blocks',
      story: b.y,
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    const about = async (who: Client, key: string) =>
      (await conflicts(who)).filter((n) => n.story?.key === key);
    expect(await about(p.poA, a.g)).toHaveLength(1);
    expect(await about(p.poB, b.y)).toHaveLength(2);
    expect(await conflicts(p.pm)).toHaveLength(3);
    expect(await conflicts(p.devA)).toEqual([]);
  });

  it('tell them when planning a sprint puts the blocked story ahead of its blocker', async () => {
    const k = await story(p.devA, p.teamA, 'Refund API', 1);
    const l = await story(p.devB, p.teamB, 'Refund button', 1);
    const linked = await p.devA.post(`/api/projects/${p.teamA}/stories/${k}/links`, {
      type: 'blocks',
      story: l,
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    expect(await linkConflict(p.teamA, k)).toEqual([false]);
    const sprint = await newSprint(p.poB, `/api/projects/${p.teamB}`);
    await plan(p.poB, `/api/projects/${p.teamB}`, sprint, [l]);
    expect(await linkConflict(p.teamA, k)).toEqual([true]);
    expect((await conflicts(p.poA)).filter((n) => n.story?.key === k)).toHaveLength(1);
  });
});
