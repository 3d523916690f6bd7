import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';
import { sql } from 'drizzle-orm';
import { EVENTS_CHANNEL, writeInProject } from '../src/modules/events/log';
import { benchApp } from './setup';

/**
 * Live fan-out: one commit, the event at the last of N subscribed sockets, beside a minimal fan-out
 * server measured in the same run (the same transaction and NOTIFY, one read of the event, one broadcast
 * of its frame). Then the API as real processes: RSS at idle and with 2,000 sockets (over two instances
 * on PostgreSQL, one on PGlite, which only one process can open).
 */
const SOCKETS = Number(process.env.BENCH_FANOUT_SOCKETS ?? 200);
const EVENTS = Number(process.env.BENCH_FANOUT_EVENTS ?? 60);
const MANY = Number(process.env.BENCH_MANY_SOCKETS ?? 2000);
const bench = await benchApp(0);
const { po, key, projectId, database, filler } = bench;
// A person may hold 30 live connections (live/options.ts): the crowd is people, 20 sockets each.
const PER_PERSON = 20;
const crowd = await bench.readers(Math.ceil(Math.max(SOCKETS, MANY) / PER_PERSON));
const secretOf = (i: number) => crowd[Math.floor(i / PER_PERSON)]!;
const actor = { id: (await po.get('/api/me')).body.user.id as string, name: 'PO' };
const quantiles = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
};
const show = (q: { p50: number; p99: number }) => `p50 ${q.p50.toFixed(1)} ms, p99 ${q.p99.toFixed(1)} ms`;

/**
 * Sockets that record when each seq arrived; `expect(seq)` resolves when all of them have it. An event may
 * reach the sockets before the writer asks for it (the commit's NOTIFY can beat its own return), so the
 * count starts at whichever comes first.
 */
function audience(
  open: (i: number) => WebSocket,
  subscribe: ((socket: WebSocket) => void) | undefined,
  count: number,
) {
  const arrivals = new Map<number, { left: number; resolve: (at: number) => void; done: Promise<number> }>();
  const entry = (seq: number) => {
    let found = arrivals.get(seq);
    if (!found) {
      let resolve!: (at: number) => void;
      const done = new Promise<number>((r) => (resolve = r));
      found = { left: count, resolve, done };
      arrivals.set(seq, found);
    }
    return found;
  };
  const expect = (seq: number) => entry(seq).done;
  const sockets = Array.from({ length: count }, (_, i) => {
    const socket = open(i);
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; seq?: number };
      if (message.type !== 'event' || message.seq === undefined) return;
      const waiting = entry(message.seq);
      if (--waiting.left === 0) waiting.resolve(performance.now());
    });
    return socket;
  });
  const ready = Promise.all(
    sockets.map((s) => new Promise((resolve, reject) => s.once('open', resolve).once('error', reject))),
  ).then(() => {
    if (subscribe) for (const s of sockets) subscribe(s);
  });
  return { sockets, ready, expect, close: () => sockets.forEach((s) => s.terminate()) };
}

async function measure(listeners: ReturnType<typeof audience>, settle: () => Promise<void>) {
  await settle();
  const samples: number[] = [];
  let missed = 0;
  for (let i = 0; i < EVENTS; i++) {
    const seq = await writeInProject(database.db, { project: { id: projectId }, actor }, async (tx, log) => {
      log.append('project.updated', filler(`Fan-out ${i}`));
      const result = await tx.execute(sql`select last_seq from projects where id = ${projectId}`);
      const [row] = (result as { rows: { last_seq: number }[] }).rows;
      return row!.last_seq + 1;
    });
    const committed = performance.now();
    // A socket told to resync (too slow) never gets the event: counted as missed after 15 s, not waited on forever.
    const arrived = await Promise.race([
      listeners.expect(seq),
      new Promise<null>((r) => setTimeout(() => r(null), 15_000)),
    ]);
    if (arrived === null) missed++;
    else samples.push(arrived - committed);
  }
  if (missed) console.log(`  (${missed} of ${EVENTS} events did not reach every socket within 15 s)`);
  return quantiles(samples);
}

console.log(`\nLive fan-out on ${database.kind}: ${SOCKETS} sockets, ${EVENTS} events`);
const ws = bench.url.replace('http', 'ws');
const lastSeq = async () => (await po.get(`/api/projects/${key}/events?limit=1`)).body.lastSeq as number;
const ordo = audience(
  (i) => new WebSocket(`${ws}/api/live`, { headers: { authorization: `Bearer ${secretOf(i)}` } }),
  (s) => s.send(JSON.stringify({ type: 'subscribe', project: key })),
  SOCKETS,
);
await ordo.ready;
// Subscribed once a probe event reaches every socket.
const probe = async (listeners: ReturnType<typeof audience>) => {
  for (let tries = 0; tries < 50; tries++) {
    const seq = (await lastSeq()) + 1;
    const reached = listeners.expect(seq);
    await writeInProject(database.db, { project: { id: projectId }, actor }, async (_tx, log) =>
      log.append('project.updated', filler('probe')),
    );
    const ok = await Promise.race([
      reached.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 2000)),
    ]);
    if (ok) return;
  }
  throw new Error('sockets never subscribed');
};
const ours = await measure(ordo, () => probe(ordo));
ordo.close();

// The minimal fan-out server: LISTEN, read the event by seq, send one frame to every socket.
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
const minimalSockets = new Set<WebSocket>();
wss.on(
  'connection',
  (socket) => (minimalSockets.add(socket), socket.on('close', () => minimalSockets.delete(socket))),
);
const stop = await database.listen(EVENTS_CHANNEL, (payload) => {
  const { seq } = JSON.parse(payload) as { seq?: number };
  // The API's listeners also send probes of their own connection on this channel ({probe}): not events.
  if (seq === undefined) return;
  void database.db
    .execute(
      sql`select seq, type, actor_name, created_at as at, data from events where project_id = ${projectId} and seq = ${seq}`,
    )
    .then((result) => {
      const frame = JSON.stringify({
        type: 'event',
        project: key,
        seq,
        event: (result as { rows: unknown[] }).rows[0],
      });
      for (const socket of minimalSockets) socket.send(frame);
    });
});
// The server listens once the event loop turns: ask for its port after that.
if (!wss.address()) await new Promise((resolve) => wss.once('listening', resolve));
const port = (wss.address() as AddressInfo).port;
const minimal = audience(() => new WebSocket(`ws://127.0.0.1:${port}`), undefined, SOCKETS);
await minimal.ready;
const floor = await measure(minimal, () => probe(minimal));
minimal.close();
await stop();
wss.close();
console.log(
  `  commit → last of ${SOCKETS} sockets, Ordo:    ${show(ours)}  (p99 ${(ours.p99 / floor.p99).toFixed(2)}× the floor)`,
);
console.log(
  `  floor: minimal fan-out server:       ${show(floor)}  (transaction + NOTIFY + read + broadcast)`,
);

// The API as real processes, for honest RSS figures.
const apiDir = fileURLToPath(new URL('..', import.meta.url));
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const serverJs = `${apiDir}/dist/server.js`;
execFileSync(process.execPath, ['build.mjs'], { cwd: apiDir });
async function startApi(databaseUrl: string | undefined) {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: '0',
    LOG_LEVEL: 'warn',
    WEB_DIST: '/nonexistent',
    ...(databaseUrl
      ? { DATABASE_URL: databaseUrl }
      : { DATA_DIR: `${process.env.TMPDIR ?? '/tmp'}/ordo-bench-rss-${port}` }),
  };
  // The compiled server, as production runs it (`pnpm build`): the TypeScript loader alone is ~65 MB of RSS.
  const child = spawn(process.execPath, [serverJs], {
    cwd: apiDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const read = (c: Buffer) => ((out += c.toString()), /Ordo is running/.test(out) && resolve());
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`API exited ${code}: ${out}`)));
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))),
  };
}
if (database.kind === 'postgres') {
  const apis = [await startApi(bench.databaseUrl), await startApi(bench.databaseUrl)];
  // The processes only settle after their first requests: one sign-in each, then idle.
  for (const api of apis)
    await fetch(`${api.url}/api/me`, { headers: { authorization: `Bearer ${po.token}` } });
  await new Promise((r) => setTimeout(r, 2000));
  console.log(
    `  API RSS idle (compiled server, budget 150 MB): ${apis.map((a) => `${rssMb(a.child.pid!).toFixed(0)} MB`).join(', ')}`,
  );
  const crowds = apis.map((api, a) =>
    audience(
      (i) =>
        new WebSocket(`${api.url.replace('http', 'ws')}/api/live`, {
          headers: { authorization: `Bearer ${secretOf(a * (MANY / apis.length) + i)}` },
        }),
      (s) => s.send(JSON.stringify({ type: 'subscribe', project: key })),
      MANY / apis.length,
    ),
  );
  await Promise.all(crowds.map((c) => c.ready));
  const both = {
    expect: (seq: number) => Promise.all(crowds.map((c) => c.expect(seq))).then((ats) => Math.max(...ats)),
    ready: Promise.resolve(),
    sockets: [],
    close: () => {},
  };
  const many = await measure(both, () => probe(both));
  console.log(
    `  ${MANY} sockets over two instances: commit → last socket ${show(many)}; RSS ${apis.map((a) => `${rssMb(a.child.pid!).toFixed(0)} MB`).join(', ')}`,
  );
  crowds.forEach((c) => c.close());
  await Promise.all(apis.map((a) => a.close()));
} else {
  console.log(
    '  (RSS and 2,000 sockets over two instances: PostgreSQL only, BENCH_DATABASE_URL; PGlite opens in one process)',
  );
}
await bench.close();
