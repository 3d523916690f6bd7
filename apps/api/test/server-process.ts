import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
/** How long a server process may take to start; the machine may be busy, and it is a bound, never a wait. */
const START_BOUND_MS = 90_000;

/**
 * Builds the compiled server (what `pnpm start` and the Docker image run) into a folder of this test file's
 * own, inside apps/api so its imports resolve against apps/api's node_modules, as dist/ does.
 */
export async function buildServer(): Promise<string> {
  const outdir = `${apiDir}test-artifacts/server-${randomBytes(4).toString('hex')}`;
  await promisify(execFile)(process.execPath, ['build.mjs', outdir], { cwd: apiDir });
  return `${outdir}/server.js`;
}

/** Deletes what `buildServer` built. */
export const removeBuild = (serverJs: string) => rmSync(dirname(serverJs), { recursive: true, force: true });

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT`, read from the server's own start-up line. */
  url: string;
  /** The exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  /** Everything it printed, for a failing test's message. */
  output: () => string;
}

/** Starts `server.js` as a real process with `env` on top of the test's own; resolves once it listens. */
export function startServer(serverJs: string, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', serverJs], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return new Promise((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => fail('did not start in time'), START_BOUND_MS);
    function fail(why: string) {
      if (started) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`server ${why}:\n${output}`));
    }
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Ordo is running on (http:\/\/[^\s]+)/.exec(output)?.[1];
      if (!url || started) return;
      started = true;
      clearTimeout(timer);
      resolve({ child, url, exited, output: () => output });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => fail(`exited with ${code} before it listened`));
  });
}
