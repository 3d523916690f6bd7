import WebSocket from 'ws';
import { liveServerMessage, type LiveServerMessage } from '@ordo/domain';
import { expect } from 'vitest';
import type { Client } from './harness';
import { lastSeq } from './sprint-helpers';

const WAIT_MS = 10_000;

/** A raw live socket for the tests: every message it received, parsed with the contract's schema. */
export interface LiveSocket {
  ws: WebSocket;
  messages: LiveServerMessage[];
  send(message: unknown): void;
  /** The first message (received already or to come) that matches; fails after a bound, never hangs. */
  waitFor<T extends LiveServerMessage>(match: (m: LiveServerMessage) => m is T): Promise<T>;
  waitFor(match: (m: LiveServerMessage) => boolean): Promise<LiveServerMessage>;
  /** The close code, once the socket is closed. */
  closed: Promise<number>;
  close(): void;
}

export const liveUrl = (baseUrl: string) => `${baseUrl.replace(/^http/, 'ws')}/api/live`;
const authOf = (client?: Client): Record<string, string> =>
  client?.token ? { authorization: `Bearer ${client.token}` } : {};

/** Opens `GET /api/live` as `client`; rejects with the HTTP status when the upgrade is refused. */
export function openLive(
  baseUrl: string,
  client?: Client,
  options: { headers?: Record<string, string>; autoPong?: boolean } = {},
) {
  const ws = new WebSocket(liveUrl(baseUrl), {
    headers: { ...authOf(client), ...options.headers },
    autoPong: options.autoPong ?? true,
  });
  const messages: LiveServerMessage[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data: Buffer) => {
    messages.push(liveServerMessage.parse(JSON.parse(data.toString())));
    for (const wake of waiters) wake();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));

  function waitFor(match: (m: LiveServerMessage) => boolean): Promise<LiveServerMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = messages.find(match);
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching live message; got ${JSON.stringify(messages.slice(-5))}`));
      }, WAIT_MS);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  }

  const socket = {
    ws,
    messages,
    send: (message: unknown) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    waitFor,
    closed,
    close: () => ws.close(),
  };
  return new Promise<LiveSocket>((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_request, response) => {
      reject(
        Object.assign(new Error(`upgrade refused: ${response.statusCode}`), { status: response.statusCode }),
      );
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** The HTTP status with which the server refuses the upgrade (or 101 when it accepts). */
export async function upgradeStatus(baseUrl: string, client?: Client, headers: Record<string, string> = {}) {
  try {
    const socket = await openLive(baseUrl, client, { headers });
    socket.close();
    return 101;
  } catch (error) {
    return (error as { status?: number }).status ?? 0;
  }
}

export const isEvent =
  (project: string, seq?: number) =>
  (m: LiveServerMessage): m is Extract<LiveServerMessage, { type: 'event' }> =>
    m.type === 'event' && m.project === project && (seq === undefined || m.seq === seq);
export const isError =
  (code?: string) =>
  (m: LiveServerMessage): m is Extract<LiveServerMessage, { type: 'error' }> =>
    m.type === 'error' && (code === undefined || m.code === code);
export const isPresence = (project: string, userIds: string[]) => (m: LiveServerMessage) =>
  m.type === 'presence' &&
  m.project === project &&
  m.users
    .map((u) => u.id)
    .sort()
    .join() === [...userIds].sort().join();

/** The seqs of the events a socket received for a project, in the order received. */
export const seqsOf = (socket: LiveSocket, project: string) =>
  socket.messages
    .filter((m) => m.type === 'event' && m.project === project)
    .map((m) => (m as { seq: number }).seq);

/** The project's latest seq, as the events endpoint says. */
export const lastSeqOf = (client: Client, key: string) => lastSeq(client, `/api/projects/${key}`);

export const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/**
 * Presence round trip: `first` watches alone, `second` joins (each on its own instance, or both on one),
 * both see both, `second` leaves and `first` sees itself alone again.
 */
export async function checkPresence(
  key: string,
  first: { url: string; member: Client },
  second: { url: string; member: Client },
) {
  const [one, two] = [first.member.user!, second.member.user!];
  const watching = await openLive(first.url, first.member);
  watching.send({ type: 'subscribe', project: key, since: 0 });
  await watching.waitFor(isPresence(key, [one.id]));
  const joining = await openLive(second.url, second.member);
  joining.send({ type: 'subscribe', project: key, since: 0 });
  await joining.waitFor(isPresence(key, [one.id, two.id]));
  const joined = await watching.waitFor(isPresence(key, [one.id, two.id]));
  expect(joined).toEqual({
    type: 'presence',
    project: key,
    users: expect.arrayContaining([{ id: two.id, name: two.name }]),
  });
  joining.close();
  await watching.waitFor(
    (m) => isPresence(key, [one.id])(m) && watching.messages.indexOf(m) > watching.messages.indexOf(joined),
  );
  watching.close();
}
