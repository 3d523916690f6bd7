import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '@ordo/domain';
import {
  Client,
  startSecondInstance,
  startTestApp,
  type SecondInstance,
  type Team,
  type TestApp,
} from './harness';
import { caughtUp, coverageProblems, follow, viewOf, type StoryView } from './live-follow';
import { checkPresence, isError, isEvent, lastSeqOf, openLive, seqsOf } from './live-socket';

/**
 * Two API instances on one PostgreSQL database behave as one. PGlite lives inside one process and cannot
 * be shared by two instances, so this file runs on PostgreSQL only (ORDO_TEST_DB=postgres with TEST_DATABASE_URL).
 */
const onPostgres = process.env.ORDO_TEST_DB === 'postgres' && Boolean(process.env.TEST_DATABASE_URL);
if (!onPostgres)
  console.info('live-cluster: skipped on PGlite (two instances need one PostgreSQL; set TEST_DATABASE_URL)');

/** Small enough that the convergence test's followers who rejoin late are told to resync. */
const MAX_BEHIND = 15;

describe.skipIf(!onPostgres)('two API instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: SecondInstance;
  let team: Team;
  /** The same member, talking to instance B. */
  const onB = (client: Client) => new Client(b.url, client.token, client.user);

  beforeAll(async () => {
    a = await startTestApp({ live: { maxBehind: MAX_BEHIND } });
    b = await startSecondInstance(a, { live: { maxBehind: MAX_BEHIND } });
    team = await a.projectWithTeam();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers a change made through one instance to a socket on the other, both ways', async () => {
    const onA = await openLive(a.url, team.dev);
    const onBSocket = await openLive(b.url, team.pm);
    const last = await lastSeqOf(team.po, team.key);
    for (const socket of [onA, onBSocket]) socket.send({ type: 'subscribe', project: team.key, since: last });
    await team.po.post(`/api/projects/${team.key}/stories`, { title: 'Written on A' });
    await onB(team.po).post(`/api/projects/${team.key}/stories`, { title: 'Written on B' });
    for (const socket of [onA, onBSocket]) {
      await socket.waitFor(isEvent(team.key, last + 2));
      expect(seqsOf(socket, team.key)).toEqual([last + 1, last + 2]);
      socket.close();
    }
  });

  it('replays exactly the missed events to a socket that reconnects to the other instance', async () => {
    const first = await openLive(a.url, team.dev);
    const since = await lastSeqOf(team.po, team.key);
    first.send({ type: 'subscribe', project: team.key, since });
    await team.po.post(`/api/projects/${team.key}/stories`, { title: 'Seen on A' });
    await first.waitFor(isEvent(team.key, since + 1));
    first.close();
    await onB(team.po).post(`/api/projects/${team.key}/stories`, { title: 'Missed' });
    const second = await openLive(b.url, team.dev);
    second.send({ type: 'subscribe', project: team.key, since: since + 1 });
    await second.waitFor(isEvent(team.key, since + 2));
    await team.po.post(`/api/projects/${team.key}/stories`, { title: 'Live on B' });
    await second.waitFor(isEvent(team.key, since + 3));
    expect(seqsOf(second, team.key)).toEqual([since + 2, since + 3]);
    second.close();
  });

  it('shows who is watching across instances, and forgets those who leave', async () => {
    const { key, po, dev } = await a.projectWithTeam();
    await checkPresence(key, { url: a.url, member: po }, { url: b.url, member: dev });
  });

  it('ends, on the other instance, the subscription of a removed member and the sockets of a logout', async () => {
    const { key, admin, stakeholder, dev } = await a.projectWithTeam();
    const removed = await openLive(b.url, stakeholder);
    removed.send({ type: 'subscribe', project: key, since: 0 });
    await removed.waitFor((m) => m.type === 'presence');
    expect((await admin.delete(`/api/projects/${key}/members/${stakeholder.user!.id}`)).status).toBe(204);
    await removed.waitFor((m) => m.type === 'error' && m.code === 'forbidden' && m.project === key);

    const signedOut = await openLive(b.url, dev);
    expect((await dev.post('/api/auth/logout')).status).toBe(204);
    await signedOut.waitFor(isError('unauthenticated'));
    expect(await signedOut.closed).toBe(1008);
    removed.close();
  });

  it('converges: writers on both instances, followers dropping and rejoining at random, nothing missed or repeated', async () => {
    // Fixed, so a failure replays; CLUSTER_SEED tries another.
    const seed = Number(process.env.CLUSTER_SEED ?? 20261201);
    console.info(`live-cluster convergence seed: ${seed} (CLUSTER_SEED overrides)`);
    const random = mulberry32(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const urls = [a.url, b.url];
    const { key, po, pm, dev, sm, stakeholder } = await a.projectWithTeam();
    const base = `/api/projects/${key}`;
    const anywhere = (member: Client) => new Client(pick(urls), member.token, member.user);
    const followers = await Promise.all(
      [dev, pm, sm, stakeholder].map((member) => follow({ urls, member, key, pick })),
    );

    const storyKeys: string[] = [];
    const create = async (member: Client, title: string) => {
      const reply = await anywhere(member).post(`${base}/stories`, { title });
      if (reply.status === 201) storyKeys.push(reply.body.story.key);
    };
    const rename = async (member: Client, title: string) => {
      if (storyKeys.length === 0) return create(member, title);
      const story = pick(storyKeys);
      const current = await anywhere(member).get(`${base}/stories/${story}`);
      await anywhere(member).patch(`${base}/stories/${story}`, {
        version: current.body.story.version,
        title,
      }); // 409 on a race: fine
    };
    const rank = async (member: Client, title: string) => {
      if (storyKeys.length < 2) return create(member, title);
      await anywhere(member).post(`${base}/backlog/rank`, {
        story: pick(storyKeys),
        before: pick(storyKeys),
      });
    };
    const writer = async (
      member: Client,
      moves: Array<(member: Client, title: string) => Promise<unknown>>,
      name: string,
    ) => {
      for (let i = 0; i < 25; i++) await pick(moves)(member, `${name} ${i}`);
    };
    const chaos = async () => {
      for (let round = 0; round < 30; round++) {
        const follower = pick(followers);
        if (random() < 0.6) follower.cut();
        else if (follower.live.state !== 'closed') {
          follower.leave();
          await sleep(50 + random() * 250);
          follower.rejoin();
        }
        await sleep(random() * 60);
      }
      // One follower certainly comes back too late to be replayed: it must resync and refetch.
      const late = followers[0]!;
      if (late.live.state !== 'closed') late.leave();
      for (let i = 0; i <= MAX_BEHIND; i++) await create(po, `Late ${i}`);
      for (const follower of followers) if (follower.live.state === 'closed') follower.rejoin();
    };

    await Promise.all([
      writer(po, [create, rank, rename], 'PO'),
      writer(dev, [create, rename], 'Dev'),
      writer(pm, [create, rename], 'PM'),
      chaos(),
    ]);

    const last = await lastSeqOf(po, key);
    const server = new Map(
      ((await po.get(`${base}/backlog`)).body.items as StoryView[]).map((s) => [s.key, viewOf(s)]),
    );
    for (const follower of followers) {
      await caughtUp(follower, last);
      expect(coverageProblems(follower, last)).toEqual([]);
      expect(follower.stories).toEqual(server);
      follower.leave();
    }
    expect(followers[0]!.resyncs).toBeGreaterThan(0);
    const resyncs = followers.reduce((n, f) => n + f.resyncs, 0);
    console.info(
      `live-cluster convergence: ${last} events, ${resyncs} resyncs, ${followers.length} followers`,
    );
  });
});

describe.skipIf(!onPostgres)('a lost LISTEN connection', () => {
  it('is noticed and listened to again, and the commits in between are delivered', async () => {
    // No safety poll during the test: only the listener's own recovery can deliver the events.
    const t = await startTestApp({ live: { heartbeatMs: 200, pollMs: 600_000 } });
    try {
      const { key, po, dev } = await t.projectWithTeam();
      const socket = await openLive(t.url, dev);
      const since = await lastSeqOf(po, key);
      socket.send({ type: 'subscribe', project: key, since });
      await socket.waitFor((m) => m.type === 'presence');
      await t.database.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`,
      );
      await po.post(`/api/projects/${key}/stories`, { title: 'While nobody listened' });
      await socket.waitFor(isEvent(key, since + 1));
      await po.post(`/api/projects/${key}/stories`, { title: 'After' });
      await socket.waitFor(isEvent(key, since + 2));
      expect(seqsOf(socket, key)).toEqual([since + 1, since + 2]);
      socket.close();
    } finally {
      await t.close();
    }
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
