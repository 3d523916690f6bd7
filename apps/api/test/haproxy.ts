import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A port free on 127.0.0.1 now (the OS picks it), for a process that must come back on the same one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The config of docs/deploy.md with test timings: least connections (live sockets last; round robin can stack
 * them on one server when requests come in a fixed pattern), health checks every 250 ms (two failures take
 * a server out, one success brings it back), a request that cannot connect is sent to another server.
 */
export function haproxyConfig(port: number, backends: number[]) {
  return `global
  maxconn 2000

defaults
  mode http
  option forwardfor
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h
  retries 3
  option redispatch
  retry-on conn-failure

frontend ordo
  bind 127.0.0.1:${port}
  default_backend app

backend app
  balance leastconn
  option httpchk GET /api/health
  http-check expect status 200
  timeout check 2s
  default-server inter 250ms fall 2 rise 1
${backends.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check`).join('\n')}
`;
}

/** Debian's HAProxy in the foreground (`-db`) with `config`; `stop()` ends it. */
export function startHaproxy(dir: string, config: string) {
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config);
  const child = spawn(process.env.HAPROXY_PATH ?? 'haproxy', ['-db', '-f', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
