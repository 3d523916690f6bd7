import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Client, useTeam, type Team, type TestApp } from './harness';
import { expectInvalid, expectRefusal } from './expect';

let t: TestApp, team: Team, base: string;
useTeam((file) => ({ t, team, base } = file));

/** Sends raw bytes and reads the whole answer (the server closes after a parser error). */
function raw(request: string): Promise<{ status: number; headers: string; body: any }> {
  const { port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({
        status: Number(head.split(' ')[1]),
        headers: head,
        body: body ? JSON.parse(body) : undefined,
      });
    });
    socket.end(request);
  });
}

const cookieOf = (client: Client) => `ordo_session=${client.token}`;

describe('cross-site requests', () => {
  it('refuses a state-changing request with the session cookie from another origin', async () => {
    const headers = { cookie: cookieOf(team.po), origin: 'https://evil.example' };
    expectRefusal(
      await t.anonymous.request('POST', '/api/auth/logout', undefined, headers),
      403,
      'forbidden',
    );
    expect((await team.po.get('/api/me')).status).toBe(200); // still signed in
    const story = await t.anonymous.request('POST', `${base}/stories`, { title: 'Forged' }, headers);
    expectRefusal(story, 403, 'forbidden');
    const sneaky = await t.anonymous.request(
      'DELETE',
      '/api/me/tokens/00000000-0000-4000-8000-000000000000',
      undefined,
      {
        cookie: cookieOf(team.po),
        'sec-fetch-site': 'cross-site',
      },
    );
    expectRefusal(sneaky, 403, 'forbidden');
  });

  it('accepts the same request from the app itself, from a script without Origin, and with a Bearer token', async () => {
    const own = { cookie: cookieOf(team.dev), origin: t.url };
    expect(
      (await t.anonymous.request('POST', `${base}/stories`, { title: 'From the app' }, own)).status,
    ).toBe(201);
    expect(
      (
        await t.anonymous.request(
          'POST',
          `${base}/stories`,
          { title: 'From curl' },
          { cookie: cookieOf(team.dev) },
        )
      ).status,
    ).toBe(201);
    const bearer = await team.dev.request(
      'POST',
      `${base}/stories`,
      { title: 'From a script' },
      { origin: 'https://ci.example' },
    );
    expect(bearer.status).toBe(201);
    // A GET from another origin reads nothing the browser would show that page (no CORS), and changes nothing.
    expect(
      (
        await t.anonymous.request('GET', '/api/me', undefined, {
          cookie: cookieOf(team.dev),
          origin: 'https://evil.example',
        })
      ).status,
    ).toBe(200);
  });
});

describe('what the API answers with', () => {
  it('marks every API answer Cache-Control: no-store, errors too', async () => {
    for (const reply of [
      await team.dev.get('/api/me'),
      await team.dev.get(`${base}/backlog`),
      await t.anonymous.get('/api/me'),
      await t.anonymous.get('/api/health'),
    ]) {
      expect(reply.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers requests Node cannot parse in the contract shape: a bad Content-Length, oversized headers', async () => {
    const badLength = await raw(
      `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`,
    );
    expect(badLength.status).toBe(400);
    expect(badLength.body.error).toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('Content-Length'),
    });
    const huge = await raw(`GET /api/me HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    expect(huge.headers).toMatch(/cache-control: no-store/i);
  });
});

describe('text that comes in', () => {
  it('refuses a body declared in another charset than UTF-8, naming content-type', async () => {
    const reply = await team.dev.request('POST', `${base}/stories`, JSON.stringify({ title: 'Hi' }), {
      'content-type': 'application/json; charset=utf-16',
    });
    expectInvalid(reply, 'content-type');
    const latin = await team.dev.request('POST', `${base}/stories`, JSON.stringify({ title: 'Hi' }), {
      'content-type': 'application/json; charset="ISO-8859-1"',
    });
    expectInvalid(latin, 'content-type');
    const utf8 = await team.dev.request('POST', `${base}/stories`, JSON.stringify({ title: 'Hi' }), {
      'content-type': 'application/json; charset=UTF-8',
    });
    expect(utf8.status).toBe(201);
  });

  it('refuses control characters in text fields, naming the field; tabs and line breaks are text', async () => {
    expectInvalid(await team.dev.post(`${base}/stories`, { title: 'Pay\u0000 by card' }), 'body.title');
    expectInvalid(await team.dev.post(`${base}/stories`, { title: 'Bell\u0007' }), 'body.title');
    expectInvalid(
      await team.dev.post(`${base}/stories`, { title: 'Ok', labels: ['fine', 'esc\u001b[31m'] }),
      'body.labels.1',
    );
    const reply = await team.dev.post(`${base}/stories`, {
      title: 'Pay by card',
      description: 'Line one\r\n\tLine two',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.story.description).toBe('Line one\r\n\tLine two');
  });
});

describe('passwords', () => {
  const register = (password: string) =>
    t.anonymous.post('/api/auth/register', {
      email: `weak.${Math.random().toString(36).slice(2)}@safety.test`,
      name: 'Weak',
      password,
    });

  it('refuses the most used ones and short ones with a 400 naming password', async () => {
    for (const weak of [
      '12345678',
      'password',
      'Password1',
      'qwertyuiop',
      'iloveyou',
      'aaaaaaaaaa',
      'abababab',
      'short',
    ]) {
      expectInvalid(await register(weak), 'password');
    }
    expect((await register('purple-otter-sings')).status).toBe(201);
  });
});

describe('an edit that changes nothing', () => {
  it('keeps the version and logs no event, so nobody else gets a needless 409', async () => {
    const fields = {
      title: 'Same',
      labels: ['a', 'b'],
      acceptanceCriteria: [{ text: 'works', done: false }],
      points: 3,
    };
    const { story } = (await team.dev.post(`${base}/stories`, fields)).body;
    const seq = async () => (await team.dev.get(`${base}/events?limit=1`)).body.lastSeq as number;
    const before = await seq();
    const same = await team.dev.patch(`${base}/stories/${story.key}`, { version: story.version, ...fields });
    expect(same.status).toBe(200);
    expect(same.body.story.version).toBe(story.version);
    expect(await seq()).toBe(before);
    // Someone else editing from the same version is not refused.
    const other = await team.sm.patch(`${base}/stories/${story.key}`, {
      version: story.version,
      title: 'Changed',
    });
    expect(other.status).toBe(200);
    expect(other.body.story.version).toBe(story.version + 1);
    expect(await seq()).toBe(before + 1);
  });
});
