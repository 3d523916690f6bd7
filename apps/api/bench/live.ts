import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { openDatabase } from '@ordo/db';
import { buildApp } from '../src/app';
import { BENCH_LIMITS } from './limits';
import { writeInProject } from '../src/modules/events/log';
import { benchApp, fmt } from './setup';

/**
 * Live delivery delay: from the commit of a write to the event arriving on a subscribed socket, over N
 * writes one after another. On PostgreSQL (BENCH_DATABASE_URL) the socket is on a second instance, so the
 * delay includes the NOTIFY hop between instances.
 */
const EVENTS = Number(process.env.BENCH_LIVE_EVENTS ?? 300);
const bench = await benchApp(0);
const { po, key, projectId, database, filler } = bench;

async function socketInstance() {
  if (database.kind !== 'postgres') return { url: bench.url, close: async () => {} };
  const second = await openDatabase({ url: bench.databaseUrl });
  const app = await buildApp({ database: second, limits: BENCH_LIMITS });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { url, close: async () => (await app.close(), await second.close()) };
}

const reader = await socketInstance();
const socket = new WebSocket(`${reader.url.replace('http', 'ws')}/api/live`, {
  headers: { authorization: `Bearer ${po.token}` },
});
await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
const arrived = new Map<number, number>();
let waiting: { seq: number; resolve: () => void } | undefined;
socket.on('message', (data: Buffer) => {
  const message = JSON.parse(data.toString()) as { type: string; seq?: number };
  if (message.type === 'presence' && waiting?.seq === 0) waiting.resolve();
  if (message.type !== 'event' || message.seq === undefined) return;
  arrived.set(message.seq, performance.now());
  if (waiting?.seq === message.seq) waiting.resolve();
});
const arrival = (seq: number) => new Promise<void>((resolve) => (waiting = { seq, resolve }));

const subscribed = arrival(0);
const since: number = (await po.get(`/api/projects/${key}/events?limit=1`)).body.lastSeq;
socket.send(JSON.stringify({ type: 'subscribe', project: key, since }));
await subscribed;

const fromCommit: number[] = [];
const fromWrite: number[] = [];
const actor = { id: (await po.get('/api/me')).body.user.id as string, name: 'PO' };
// The only writer of the project: write i is seq since + i + 1.
for (let i = 0; i < EVENTS; i++) {
  const seq = since + i + 1;
  const delivered = arrival(seq);
  const started = performance.now();
  await writeInProject(database.db, { project: { id: projectId }, actor }, async (_tx, log) =>
    log.append('project.updated', filler(`Bench ${i}`)),
  );
  const committed = performance.now();
  await delivered;
  fromCommit.push(arrived.get(seq)! - committed);
  fromWrite.push(arrived.get(seq)! - started);
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
};
console.log(
  `\nLive delivery on ${database.kind}${database.kind === 'postgres' ? ' (written on one instance, read on another)' : ''}, ${EVENTS} events`,
);
console.log(`  commit → socket: ${fmt(stats(fromCommit))}`);
console.log(`  write start → socket (transaction included): ${fmt(stats(fromWrite))}`);

socket.close();
await reader.close();
await bench.close();
