import type { Project } from '@ordo/domain';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { members, sessions, stories, statuses, users, type Database } from '@ordo/db';
import { ranksBetween } from '@ordo/domain';
import { eq } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { BENCH_LIMITS } from './limits';
import { hashSecret } from '../src/lib/secrets';
import { openFreshDatabase } from '../test/database';
import { Client, sessionOf } from '../test/harness';

/**
 * A running app on a fresh database (PGlite in a temp folder, or a new PostgreSQL database created beside
 * BENCH_DATABASE_URL and dropped at close) with one project
 * whose backlog holds `storyCount` stories, inserted in bulk so the setup takes seconds.
 */
export async function benchApp(storyCount: number, options: { webDist?: string } = {}) {
  const fresh = await openFreshDatabase(
    process.env.BENCH_DATABASE_URL,
    mkdtempSync(join(tmpdir(), 'ordo-bench-')),
  );
  const database: Database = fresh.database;
  const app = await buildApp({ database, webDist: options.webDist, limits: BENCH_LIMITS });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const email = `po${Date.now()}@bench.dev`;
  const password = 'bench password';
  const reply = await new Client(url).post('/api/auth/register', { email, name: 'PO', password });
  const po = new Client(url, sessionOf(reply));
  const key = `B${Date.now().toString(36).toUpperCase().slice(-6)}`;
  const project = (await po.post('/api/projects', { key, name: 'Bench' })).body.project;
  const [todo] = await database.db
    .select()
    .from(statuses)
    .where(eq(statuses.projectId, project.id))
    .orderBy(statuses.position)
    .limit(1);
  const ranks = ranksBetween(null, null, storyCount);
  for (let start = 0; start < storyCount; start += 1000) {
    await database.db.insert(stories).values(
      ranks.slice(start, start + 1000).map((rank, i) => ({
        projectId: project.id,
        number: start + i + 1,
        title: `Story ${start + i + 1}`,
        points: [1, 2, 3, 5, 8][(start + i) % 5]!,
        statusId: todo!.id,
        rank,
      })),
    );
  }
  await database.db.execute(
    `update projects set last_story_number = ${storyCount} where id = '${project.id}'` as never,
  );
  return {
    app,
    database,
    url,
    /** The PostgreSQL database's URL, for a second instance on it (undefined on PGlite). */
    databaseUrl: fresh.url,
    po,
    /** The PO's sign-in, for a browser. */
    login: { email, password },
    key,
    projectId: project.id as string,
    /** The data of a `project.updated` event carrying `text`: load for the live paths, notifying nobody. */
    filler: (text: string) => ({ project: { ...(project as Project), description: text } }),
    /**
     * Bearer secrets of `count` stakeholders of the project, written straight to the database (no scrypt
     * per person): a crowd of readers for the live paths, each person within the sockets-per-person cap.
     */
    readers: async (count: number) => {
      const secrets = Array.from({ length: count }, () => randomBytes(24).toString('base64url'));
      const people = await database.db
        .insert(users)
        .values(
          secrets.map((_, i) => ({
            email: `reader${i}.${key.toLowerCase()}@bench.dev`,
            name: `Reader ${i}`,
            handle: `reader${i}-${key.toLowerCase()}`,
            passwordHash: 'none',
          })),
        )
        .returning({ id: users.id });
      await database.db
        .insert(members)
        .values(people.map((p) => ({ projectId: project.id, userId: p.id, roles: ['stakeholder'] })));
      const expiresAt = new Date(Date.now() + 86_400_000);
      await database.db
        .insert(sessions)
        .values(people.map((p, i) => ({ tokenHash: hashSecret(secrets[i]!), userId: p.id, expiresAt })));
      return secrets;
    },
    close: async () => {
      await app.close();
      await fresh.drop();
    },
  };
}

/**
 * Runs `work` `runs` times one after another and returns the median and 95th percentile in ms; `before`
 * (untimed) runs ahead of each.
 */
export async function time(
  runs: number,
  work: (i: number) => Promise<unknown>,
  before?: (i: number) => Promise<unknown>,
) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.(i);
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

export const fmt = (r: { median: number; p95: number }) =>
  `median ${r.median.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms`;

/** The bytes of a response as they cross the wire (undecoded), and its encoding. */
export function onTheWire(url: string, headers: Record<string, string>) {
  return new Promise<{ bytes: number; encoding: string }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () =>
        resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }),
      );
    })
      .on('error', reject)
      .end();
  });
}
