import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@ordo/db';
import { clear, enforce, hit, hits, pruneRateLimits, refund, type Limit } from '../src/lib/rate-limit';
import { openTestDatabase, type FreshDatabase } from './database';

let fresh: FreshDatabase;
let db: Db;
beforeAll(async () => {
  fresh = await openTestDatabase();
  db = fresh.database.db;
});
afterAll(() => fresh.drop());

const t0 = new Date('2026-03-01T10:00:00Z');
const after = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
let n = 0;
const subject = () => `subject-${n++}`;

describe('a window limit', () => {
  const limit: Limit = { name: 'test-window', limit: 3, windowSeconds: 60 };

  it('lets `limit` hits through per window, then says how long to wait', async () => {
    const s = subject();
    for (let i = 1; i <= 3; i++)
      expect(await hit(db, limit, s, after(i))).toMatchObject({ allowed: true, hits: i });
    expect(await hit(db, limit, s, after(10))).toEqual({ allowed: false, hits: 3, retryAfterSeconds: 51 });
    // Refused hits are not counted: hammering does not push the window further.
    for (let i = 0; i < 5; i++) await hit(db, limit, s, after(20));
    expect(await hit(db, limit, s, after(59))).toMatchObject({ allowed: false, retryAfterSeconds: 2 });
    expect(await hit(db, limit, s, after(61))).toMatchObject({ allowed: true, hits: 1 });
  });

  it('counts each subject on its own', async () => {
    const [a, b] = [subject(), subject()];
    for (let i = 0; i < 3; i++) await hit(db, limit, a, t0);
    expect((await hit(db, limit, a, t0)).allowed).toBe(false);
    expect((await hit(db, limit, b, t0)).allowed).toBe(true);
  });

  it('counts exactly under concurrent hits', async () => {
    const s = subject();
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => hit(db, limit, s, t0)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
  });

  it('takes a hit back with refund, and forgets with clear', async () => {
    const s = subject();
    for (let i = 0; i < 3; i++) await hit(db, limit, s, t0);
    await refund(db, limit, s);
    expect(await hit(db, limit, s, after(1))).toMatchObject({ allowed: true, hits: 3 });
    expect((await hit(db, limit, s, after(2))).allowed).toBe(false);
    await clear(db, limit, s);
    expect(await hit(db, limit, s, after(3))).toMatchObject({ allowed: true, hits: 1 });
  });

  it('counts several hits at once, and none once the limit refuses', async () => {
    const s = subject();
    const roomy: Limit = { name: 'test-batch', limit: 10, windowSeconds: 60 };
    expect(await hits(db, roomy, s, 4, t0)).toMatchObject({ allowed: true, hits: 4 });
    expect(await hits(db, roomy, s, 6, after(1))).toMatchObject({ allowed: true, hits: 10 });
    expect(await hits(db, roomy, s, 3, after(2))).toMatchObject({ allowed: false, hits: 10 });
    expect(await hits(db, roomy, s, 5, after(61))).toMatchObject({ allowed: true, hits: 5 });
  });

  it('throws the contract 429 with the wait from enforce', async () => {
    const s = subject();
    const tight: Limit = { name: 'test-enforce', limit: 1, windowSeconds: 600 };
    await enforce(db, tight, s);
    await expect(enforce(db, tight, s, 'Slow down')).rejects.toMatchObject({
      code: 'rate_limited',
      message: 'Slow down',
      details: { retryAfter: expect.any(Number) },
    });
  });
});

describe('a growing delay', () => {
  const limit: Limit = {
    name: 'test-delay',
    limit: 2,
    windowSeconds: 3600,
    delay: { baseSeconds: 1, maxSeconds: 8 },
  };

  it('lets `limit` hits through, then makes each wait twice as long as the last, up to the cap', async () => {
    const s = subject();
    expect((await hit(db, limit, s, after(0))).allowed).toBe(true);
    expect((await hit(db, limit, s, after(0))).allowed).toBe(true); // sets a 1 s delay
    expect(await hit(db, limit, s, after(0.5))).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    let at = 1;
    for (const delay of [2, 4, 8, 8, 8]) {
      expect((await hit(db, limit, s, after(at))).allowed).toBe(true);
      expect(await hit(db, limit, s, after(at + delay - 0.5))).toMatchObject({
        allowed: false,
        retryAfterSeconds: 1,
      });
      at += delay;
    }
    // Never blocked for good: the worst case is one hit per maxSeconds.
    expect((await hit(db, limit, s, after(at))).allowed).toBe(true);
  });

  it('forgets the count after a quiet window', async () => {
    const s = subject();
    for (let i = 0; i < 4; i++) await hit(db, limit, s, after(i * 10));
    expect((await hit(db, limit, s, after(30 + 3600))).allowed).toBe(true);
    expect((await hit(db, limit, s, after(30 + 3600))).hits).toBe(2);
  });
});

it('prunes counters untouched for a day', async () => {
  const limit: Limit = { name: 'test-prune', limit: 1, windowSeconds: 60 };
  const s = subject();
  await hit(db, limit, s, t0);
  expect((await hit(db, limit, s, t0)).allowed).toBe(false);
  await pruneRateLimits(db, after(86_401));
  expect((await hit(db, limit, s, t0)).allowed).toBe(true);
});
