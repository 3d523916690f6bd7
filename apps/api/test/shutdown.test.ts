import { connect, type Socket } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfTemplateDataDir } from './database';
import { Client, sessionOf } from './harness';
import { openLive } from './live-socket';
import { buildServer, removeBuild, startServer, type ServerProcess } from './server-process';

/**
 * The compiled server as a real process, stopped with SIGTERM while a request is in flight and a live socket
 * is open. It runs on PGlite in a folder of its own, once (the PostgreSQL project would repeat the same).
 */
const once = process.env.ORDO_TEST_DB !== 'postgres';

describe.skipIf(!once)('a server stopped with SIGTERM', { timeout: 240_000 }, () => {
  let serverJs: string;
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  const dataDir = () => {
    const dir = copyOfTemplateDataDir('ordo-shutdown-');
    dirs.push(dir);
    return dir;
  };
  const start = async (env: Record<string, string>) => {
    const server = await startServer(serverJs, env);
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    serverJs = await buildServer();
  });
  afterAll(() => {
    for (const server of servers) server.child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    if (serverJs) removeBuild(serverJs);
  });

  async function signIn(url: string) {
    const reply = await new Client(url).post('/api/auth/register', {
      email: 'dana@test.dev',
      name: 'Dana',
      password: 'correct horse battery',
    });
    const member = new Client(url, sessionOf(reply), reply.body.user);
    expect((await member.post('/api/projects', { key: 'SHOP', name: 'Shop' })).status).toBe(201);
    return member;
  }

  it('finishes the request in flight, closes live sockets with 1012, keeps the write and exits with 0', async () => {
    const dir = dataDir();
    const server = await start({ DATA_DIR: dir });
    const member = await signIn(server.url);
    const live = await openLive(server.url, member);
    live.send({ type: 'subscribe', project: 'SHOP', since: 0 });
    await live.waitFor((m) => m.type === 'presence');

    const inFlight = await beginRequest(server.url, member.token!, 'POST', '/api/projects/SHOP/stories', {
      title: 'Written during shutdown',
    });
    server.child.kill('SIGTERM');
    expect(await live.closed).toBe(1012);
    const answer = await inFlight.finish();
    expect(answer).toMatch(/^HTTP\/1\.1 201 /);
    expect(await server.exited).toBe(0);

    // The write that was answered during the drain is there after a restart.
    const again = await start({ DATA_DIR: dir });
    const reply = await new Client(again.url, member.token).get('/api/projects/SHOP/backlog');
    expect(reply.status).toBe(200);
    expect(reply.body.items.map((s: { title: string }) => s.title)).toEqual(['Written during shutdown']);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('cuts off a request that never ends once the grace period is over, and exits with 1', async () => {
    const server = await start({ DATA_DIR: dataDir(), SHUTDOWN_GRACE_MS: '300' });
    const member = await signIn(server.url);
    const stuck = await beginRequest(server.url, member.token!, 'POST', '/api/projects/SHOP/stories', {
      title: 'Never finished',
    });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('killed by timeout (300ms)');
    stuck.socket.destroy();
  });
});

/**
 * A request the server has begun (it answered `100 Continue` to the headers) whose body is not sent yet:
 * in flight for as long as the test wants. `finish()` sends the body and resolves with the raw answer.
 */
async function beginRequest(baseUrl: string, token: string, method: string, path: string, body: unknown) {
  const { hostname, port } = new URL(baseUrl);
  const socket: Socket = connect(Number(port), hostname);
  const text = JSON.stringify(body);
  let received = '';
  const ended = new Promise<string>((resolve) => {
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => resolve(received));
  });
  socket.write(
    `${method} ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
  );
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (received.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) {
        received = '';
        socket.off('data', check);
        resolve();
      }
    };
    socket.on('data', check);
    socket.on('error', reject);
  });
  return {
    socket,
    finish: async () => {
      socket.write(text);
      return ended;
    },
  };
}
