import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { startTestApp, useFile, type TestApp, type Team } from './harness';

/** What goes over the wire, undecoded: fetch would decompress on its own and hide the header. */
function raw(url: string, headers: Record<string, string>) {
  return new Promise<{
    status: number;
    encoding: string | undefined;
    vary: string | undefined;
    bytes: Buffer;
  }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          encoding: res.headers['content-encoding'],
          vary: res.headers.vary,
          bytes: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}
const decode = (reply: { encoding: string | undefined; bytes: Buffer }) =>
  (reply.encoding === 'br'
    ? brotliDecompressSync(reply.bytes)
    : reply.encoding === 'gzip'
      ? gunzipSync(reply.bytes)
      : reply.bytes
  ).toString();

const script = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `word ${i}`))};\n`;
let t: TestApp, team: Team;
useFile(
  async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ordo-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Ordo</title>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), script);
    writeFileSync(join(dist, 'assets', 'built-5678.js'), script);
    writeFileSync(join(dist, 'assets', 'built-5678.js.br'), brotliCompressSync(script));
    writeFileSync(join(dist, 'assets', 'built-5678.js.gz'), gzipSync(script));
    const app = await startTestApp({ webDist: dist });
    return { t: app, team: await app.projectWithTeam() };
  },
  (file) => ({ t, team } = file),
);

describe('compression on the wire', () => {
  it('compresses JSON with br or gzip as the client accepts, and not at all when it accepts neither', async () => {
    for (let i = 0; i < 20; i++)
      await team.po.post(`/api/projects/${team.key}/stories`, {
        title: `A story long enough to matter ${i}`,
      });
    const url = `${t.url}/api/projects/${team.key}/backlog`;
    const auth = { authorization: `Bearer ${team.po.token}` };
    const plain = await raw(url, auth);
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    const identity = await raw(url, { ...auth, 'accept-encoding': 'identity' });
    expect(identity.encoding).toBeUndefined();
    expect(identity.bytes.toString()).toBe(plain.bytes.toString());

    const br = await raw(url, { ...auth, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.encoding).toBe('br');
    expect(br.vary).toContain('accept-encoding');
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 2);
    expect(JSON.parse(decode(br))).toEqual(JSON.parse(plain.bytes.toString()));

    const gzip = await raw(url, { ...auth, 'accept-encoding': 'gzip' });
    expect(gzip.encoding).toBe('gzip');
    expect(JSON.parse(decode(gzip))).toEqual(JSON.parse(plain.bytes.toString()));
  });

  it('compresses the web app’s scripts the same way', async () => {
    const url = `${t.url}/assets/app-1234.js`;
    const plain = await raw(url, {});
    expect(plain.encoding).toBeUndefined();
    expect(plain.bytes.toString()).toBe(script);
    const br = await raw(url, { 'accept-encoding': 'br' });
    expect(br.encoding).toBe('br');
    expect(decode(br)).toBe(script);
    const gzip = await raw(url, { 'accept-encoding': 'gzip' });
    expect(gzip.encoding).toBe('gzip');
    expect(decode(gzip)).toBe(script);
  });

  it('sends the .br or .gz the build wrote beside an asset as it is', async () => {
    const url = `${t.url}/assets/built-5678.js`;
    const br = await raw(url, { 'accept-encoding': 'gzip, br' });
    expect(br.encoding).toBe('br');
    expect(br.bytes.equals(brotliCompressSync(script))).toBe(true);
    const gzip = await raw(url, { 'accept-encoding': 'gzip' });
    expect(gzip.encoding).toBe('gzip');
    expect(decode(gzip)).toBe(script);
    const plain = await raw(url, {});
    expect(plain.encoding).toBeUndefined();
    expect(plain.bytes.toString()).toBe(script);
  });
});
