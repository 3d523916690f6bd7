import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';

/**
 * The limit on every API request of a signed-in person (src/lib/request-limit.ts), over HTTP: counted in
 * memory and written in batches, it still lets exactly `limit` requests through on one instance, one after
 * another or all at once, then answers the contract's 429 with Retry-After; other people are not counted.
 */
const LIMIT = 45;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    limits: { userRequests: { name: 'user-requests', limit: LIMIT, windowSeconds: 3600 } },
  });
});
afterAll(() => t.close());

describe('the per-person request limit', () => {
  it('lets `limit` requests through one after another, then refuses with 429 and Retry-After', async () => {
    const person = await t.register('Busy');
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await person.get('/api/me')).status);
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    const refused = await person.get('/api/me');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = await t.register('Calm');
    expect((await other.get('/api/me')).status).toBe(200);
  });

  it('counts exactly when the requests come all at once', async () => {
    const person = await t.register('Eager');
    const replies = await Promise.all(Array.from({ length: LIMIT + 15 }, () => person.get('/api/me')));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('counts exactly when parallel and serial requests mix past a batch', async () => {
    const person = await t.register('Steady');
    for (let i = 0; i < 30; i++) expect((await person.get('/api/me')).status).toBe(200);
    // What was let through on the last verdict is written before the limit nears, however it arrived.
    const burst = await Promise.all(Array.from({ length: 10 }, () => person.get('/api/me')));
    expect(burst.every((r) => r.status === 200)).toBe(true);
    const rest: number[] = [];
    for (let i = 0; i < 10; i++) rest.push((await person.get('/api/me')).status);
    expect(rest).toEqual([...Array(LIMIT - 40).fill(200), ...Array(10 - (LIMIT - 40)).fill(429)]);
  });
});
