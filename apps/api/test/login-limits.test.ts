import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { expectRefusal } from './expect';

/** Behind one proxy (TRUST_PROXY=true): the proxy appends the address it saw to X-Forwarded-For. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ trustProxy: true });
});
afterAll(() => t.close());

const password = 'correct horse battery';
let n = 0;
const newEmail = () => `limited${n++}@limits.test`;
const via = (forwardedFor: string) => ({ 'x-forwarded-for': forwardedFor });
const login = (email: string, pass: string, forwardedFor: string) =>
  t.anonymous.request('POST', '/api/auth/login', { email, password: pass }, via(forwardedFor));

async function account() {
  const email = newEmail();
  expect((await t.anonymous.post('/api/auth/register', { email, name: 'Owner', password })).status).toBe(201);
  return email;
}

describe('sign-in limits behind a proxy', () => {
  it('counts failures per address over many accounts, by the address the proxy saw, not one the client wrote', async () => {
    const emails = await Promise.all([account(), account(), account(), account()]);
    for (let i = 0; i < 30; i++) {
      const reply = await login(emails[i % 4]!, 'wrong guess', `10.9.${i}.1, 203.0.113.5`);
      expectRefusal(reply, 401, 'unauthenticated');
    }
    const last = await login(emails[0], password, '10.9.99.1, 203.0.113.5');
    expectRefusal(last, 429, 'rate_limited');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same person behind another address is not refused.
    expect((await login(emails[0], password, '203.0.113.6')).status).toBe(200);
  });

  it('limits guesses on one account spread over many addresses with a growing delay', async () => {
    const email = await account();
    for (let i = 0; i < 10; i++) {
      expectRefusal(await login(email, 'wrong guess', `198.51.100.${i}`), 401, 'unauthenticated');
    }
    const refused = await login(email, password, '198.51.100.200');
    expectRefusal(refused, 429, 'rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('does not lock the owner out from where they signed in before', async () => {
    const email = await account();
    expect((await login(email, password, '192.0.2.10')).status).toBe(200); // the owner's usual address
    for (let i = 0; i < 12; i++) await login(email, 'wrong guess', `198.18.0.${i}`);
    expectRefusal(await login(email, password, '198.18.0.250'), 429, 'rate_limited');
    expect((await login(email, password, '192.0.2.10')).status).toBe(200);
  });
});
