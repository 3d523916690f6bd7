import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '@ordo/domain';
import { createEmptyDatabase } from './database';
import { freePort, haproxyConfig, startHaproxy } from './haproxy';
import { Client, sessionOf, type Reply } from './harness';
import { caughtUp, coverageProblems, follow, viewOf, type Follower, type StoryView } from './live-follow';
import { lastSeqOf } from './live-socket';
import { buildServer, removeBuild, startServer, type ServerProcess } from './server-process';

/**
 * Ordo as a cluster: three compiled API processes on one PostgreSQL behind Debian's HAProxy. Eight writers
 * and twenty live followers (`@ordo/client` over real sockets) keep it busy while one instance is killed
 * with SIGKILL and started again. PostgreSQL only: three processes cannot share one PGlite.
 * CLUSTER_SEED replays a run; CLUSTER_LOG=info has the instances log requests and prints how many live
 * sockets each held before the kill.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const onPostgres = process.env.ORDO_TEST_DB === 'postgres' && Boolean(adminUrl);
if (!onPostgres && process.env.ORDO_TEST_DB === 'pglite') {
  console.warn(
    '\n*** cluster.test.ts SKIPPED: three instances behind HAProxy need PostgreSQL; set TEST_DATABASE_URL ***\n',
  );
}

const SEED = Number(process.env.CLUSTER_SEED ?? 20261201);
const WRITERS = 8;
const FOLLOWERS = 20;
/** Writes per writer before the kill is over (the kill comes after KILL_AFTER acknowledged ones), and after. */
const WRITES_DURING = 12;
const WRITES_AFTER = 4;
const KILL_AFTER = 24;

describe.skipIf(!onPostgres)(
  'three instances behind HAProxy, one killed and restarted',
  { timeout: 300_000 },
  () => {
    let dir: string;
    let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
    let serverJs: string;
    const ports: number[] = [];
    const instances: ServerProcess[] = [];
    let lb: ReturnType<typeof startHaproxy>;
    let lbUrl: string;

    const startInstance = (i: number) =>
      startServer(serverJs, {
        DATABASE_URL: database.url,
        PORT: String(ports[i]),
        TRUST_PROXY: 'true',
        LOG_LEVEL: process.env.CLUSTER_LOG ?? 'warn',
      }).then((server) => (instances[i] = server));

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ordo-cluster-'));
      [serverJs, database] = await Promise.all([buildServer(), createEmptyDatabase(adminUrl!)]);
      for (let i = 0; i < 4; i++) ports.push(await freePort());
      await Promise.all([0, 1, 2].map(startInstance));
      lb = startHaproxy(dir, haproxyConfig(ports[3]!, ports.slice(0, 3)));
      lbUrl = `http://127.0.0.1:${ports[3]}`;
      await untilHealthy(lbUrl, lb.output);
    });
    afterAll(async () => {
      await lb?.stop();
      for (const instance of instances) instance?.child.kill('SIGTERM');
      await Promise.all(instances.map((instance) => instance?.exited));
      await database?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (serverJs) removeBuild(serverJs);
    });

    it('loses no acknowledged write; every follower reconnects and catches up with no gap or repeat; all agree with a fresh read', async () => {
      console.info(`cluster seed: ${SEED} (CLUSTER_SEED overrides)`);
      const random = mulberry32(SEED);
      const register = async (name: string) => {
        const email = `${name}.${SEED}@cluster.test`;
        const reply = await new Client(lbUrl).post('/api/auth/register', {
          email,
          name,
          password: 'correct horse battery',
        });
        if (reply.status !== 201)
          throw new Error(`register ${name}: ${reply.status} ${JSON.stringify(reply.body)}`);
        return new Client(lbUrl, sessionOf(reply), reply.body.user);
      };
      const admin = await register('admin');
      const key = 'CLU';
      const base = `/api/projects/${key}`;
      expect((await admin.post('/api/projects', { key, name: 'Cluster' })).status).toBe(201);
      const team = [admin];
      for (let i = 1; i < 5; i++) {
        const member = await register(`dev${i}`);
        expect(
          (await admin.post(`${base}/members`, { email: member.user!.email, roles: ['developer'] })).status,
        ).toBe(201);
        team.push(member);
      }

      let reconnects = 0;
      const followers: Follower[] = [];
      for (let i = 0; i < FOLLOWERS; i++) {
        const member = team[i % team.length]!;
        followers.push(
          await follow({
            urls: [lbUrl],
            member,
            key,
            backoff: { initialMs: 50, maxMs: 500 },
            onState: (state) => void (state === 'reconnecting' && reconnects++),
          }),
        );
      }

      // What the writers were told: each story a writer created (its own, so only it renames it), and the
      // titles it may have at the end (the last acknowledged one, and any sent after it whose answer was lost).
      const acknowledged = new Map<string, { titles: Set<string>; version: number }>();
      let acknowledgedCount = 0;
      let refused = 0;
      let reachedKillPoint: () => void;
      const killPoint = new Promise<void>((resolve) => (reachedKillPoint = resolve));
      const acknowledge = () => ++acknowledgedCount >= KILL_AFTER && reachedKillPoint();

      const writer = (w: number) => {
        // Each writer its own sequence, so its choices do not depend on how the others interleave.
        const random = mulberry32(SEED + 1 + w);
        const member = team[w % team.length]!;
        const mine: string[] = [];
        const version = new Map<string, number>();
        return async (writes: number, phase: string) => {
          for (let i = 0; i < writes; i++) {
            const title = `W${w} ${phase} ${i}`;
            if (mine.length === 0 || random() < 0.5) {
              const reply = await orLost(member.post(`${base}/stories`, { title }));
              if (reply.status !== 201) {
                refused++;
                continue;
              }
              mine.push(reply.body.story.key);
              version.set(reply.body.story.key, reply.body.story.version);
              acknowledged.set(reply.body.story.key, {
                titles: new Set([title]),
                version: reply.body.story.version,
              });
            } else {
              const story = mine[Math.floor(random() * mine.length)]!;
              const reply = await orLost(
                member.patch(`${base}/stories/${story}`, { version: version.get(story), title }),
              );
              const known = acknowledged.get(story)!;
              if (reply.status !== 200) {
                // Lost on the way (the instance died): it may or may not have been written. Ask for the truth.
                refused++;
                known.titles.add(title);
                const now = await orLost(member.get(`${base}/stories/${story}`));
                if (now.status === 200) version.set(story, now.body.story.version);
                continue;
              }
              version.set(story, reply.body.story.version);
              acknowledged.set(story, { titles: new Set([title]), version: reply.body.story.version });
            }
            acknowledge();
          }
        };
      };
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));

      const victim = Math.floor(random() * 3);
      const chaos = async () => {
        await killPoint;
        const killed = instances[victim]!;
        if (process.env.CLUSTER_LOG)
          for (const [n, it] of instances.entries())
            console.info(`instance ${n + 1}: ${it.output().split('/api/live').length - 1} live`);
        killed.child.kill('SIGKILL');
        expect(await killed.exited).toBe('SIGKILL');
        await startInstance(victim);
      };
      await Promise.all([...writers.map((write) => write(WRITES_DURING, 'during')), chaos()]);
      // The restarted instance is back in the pool: more writes, spread over all three again.
      await untilHealthy(`http://127.0.0.1:${ports[victim]}`, instances[victim]!.output);
      await Promise.all(writers.map((write) => write(WRITES_AFTER, 'after')));

      const last = await lastSeqOf(admin, key);
      const fresh = (await admin.get(`${base}/backlog`)).body.items as StoryView[];
      const server = new Map(fresh.map((s) => [s.key, viewOf(s)]));
      console.info(
        `cluster: instance ${victim + 1} killed after ${KILL_AFTER} acknowledged writes; ${acknowledgedCount} acknowledged, ${refused} lost on the way; ` +
          `${last} events; ${reconnects} reconnects of ${FOLLOWERS} followers`,
      );

      // No acknowledged write lost.
      const lost: string[] = [];
      for (const [story, known] of acknowledged) {
        const now = server.get(story);
        if (!now) lost.push(`${story} missing`);
        else if (!known.titles.has(now.title) || now.version < known.version)
          lost.push(
            `${story}: ${now.title} v${now.version}, told ${[...known.titles].join(',')} v${known.version}`,
          );
      }
      expect(lost).toEqual([]);
      expect(acknowledgedCount).toBeGreaterThanOrEqual(KILL_AFTER + WRITERS);

      // The kill cut sockets, and every follower came back, saw every event once and holds what a fresh read says.
      expect(reconnects).toBeGreaterThan(0);
      for (const follower of followers) {
        await caughtUp(follower, last, 60_000);
        expect(follower.live.state).toBe('open');
        expect(coverageProblems(follower, last)).toEqual([]);
        expect(follower.stories).toEqual(server);
        follower.leave();
      }
    });
  },
);

/** Bounded: the address answers `/api/health` with 200 (HAProxy has a healthy server; an instance is up). */
async function untilHealthy(url: string, output: () => string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never became healthy:\n${output()}`);
}

/** An answer that never came, or came from HAProxy (its HTML 502/503 page) rather than from Ordo, is lost. */
const orLost = (reply: Promise<Reply>): Promise<Reply> =>
  reply.catch(() => ({ status: 0, body: undefined, headers: new Headers() }));
