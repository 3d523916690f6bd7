import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
const API_DIR = join(WEB_DIR, '..', 'api');
export const WEB_DIST = join(WEB_DIR, 'dist');
/** The compiled server, as production runs it (`pnpm start`): no TypeScript to load at each start. */
const SERVER_JS = join(API_DIR, 'dist', 'server.js');
// Generous: on a loaded machine PGlite takes a while; the loop ends as soon as it answers.
const START_TIMEOUT_MS = 150_000;

/** A port the OS says is free on loopback right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${log()}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The API did not answer within ${START_TIMEOUT_MS / 1000}s:\n${log()}`);
}

export interface RunningServer {
  baseUrl: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its data dir. */
  stop: () => Promise<void>;
  /** Stops the server with SIGTERM and waits for it to exit with 0; keeps its data dir. */
  drain: () => Promise<void>;
}

/**
 * The compiled API as a child process on a free loopback port, on PGlite in a data dir of its own: a copy of
 * `fromDataDir` (the run's migrated template, see template-data.ts) or, without it, an empty folder the
 * server initialises and migrates itself.
 */
export async function spawnServer(
  extraEnv: Record<string, string>,
  fromDataDir?: string,
): Promise<RunningServer & { dataDir: string }> {
  if (!existsSync(SERVER_JS))
    throw new Error(
      'No API build: run `pnpm --filter @ordo/api build` first (turbo builds it before the tests)',
    );
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ordo-e2e-'));
  if (fromDataDir) cpSync(fromDataDir, dataDir, { recursive: true });
  const child = spawn(process.execPath, ['--enable-source-maps', SERVER_JS], {
    cwd: API_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const terminate = async (graceMs: number) => {
    if (child.exitCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise<'late'>((r) => setTimeout(() => r('late'), graceMs)),
    ]);
    if (code === 'late') child.kill('SIGKILL');
    return code;
  };
  const stop = async () => {
    await terminate(5000);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const drain = async () => {
    const code = await terminate(30_000);
    if (code !== 0) throw new Error(`The API did not shut down cleanly (${code}):\n${output}`);
  };
  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop, drain, dataDir };
}

/**
 * The real API on a database of its own, started from the run's migrated template, serving the fresh web
 * build.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error('No web build: run `vite build` first (turbo builds it before the tests)');
  return spawnServer({ WEB_DIST, ...extraEnv }, inject('e2eDataDir'));
}
