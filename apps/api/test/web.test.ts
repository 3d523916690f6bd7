import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import type { App } from '../src/types';
import { openTestDatabase } from './database';

/** The server serves the web build beside the API, on the same port. */
let app: App;
let url: string;
let drop: () => Promise<void>;
const dist = mkdtempSync(join(tmpdir(), 'ordo-web-'));
beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Ordo</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  const opened = await openTestDatabase();
  drop = opened.drop;
  app = await buildApp({ database: opened.database, webDist: dist });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await drop();
});

describe('the web build', () => {
  it('serves index.html for the client’s deep links, never cached', async () => {
    for (const path of ['/', '/projects/DEMO/board', '/projects/DEMO/stories/DEMO-8']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Ordo</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const policy = res.headers.get('content-security-policy')!;
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('upgrade-insecure-requests');
    }
  });

  it('serves hashed assets for good, including files built after start', async () => {
    const first = await fetch(`${url}/assets/app-1234.js`);
    expect(first.headers.get('cache-control')).toContain('immutable');
    writeFileSync(join(dist, 'assets', 'later-5678.js'), 'console.log(2)');
    expect((await fetch(`${url}/assets/later-5678.js`)).status).toBe(200);
  });

  it('keeps unknown API paths as JSON errors', async () => {
    const res = await fetch(`${url}/api/nothing`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });
});
