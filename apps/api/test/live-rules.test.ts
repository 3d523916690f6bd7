import { describe, expect, it } from 'vitest';
import type { ProjectEvent } from '@ordo/domain';
import { parseClientFrame } from '../src/modules/live/frames';
import { isSilent, mergeUsers, sameUsers } from '../src/modules/live/presence-rules';
import {
  continuation,
  isAllowedOrigin,
  needsResync,
  revokes,
  sendVerdict,
  takeToken,
} from '../src/modules/live/rules';

const event = (seq: number, type = 'story.updated', data: Record<string, unknown> = {}): ProjectEvent => ({
  seq,
  type,
  actor: { id: null, name: 'Someone' },
  at: '2030-01-01T00:00:00.000Z',
  data,
});
const seqs = (events: ProjectEvent[]) => events.map((e) => e.seq);

describe('needsResync', () => {
  it('replays up to maxBehind events and no further', () => {
    expect(needsResync(0, 1000, 1000)).toBe(false);
    expect(needsResync(0, 1001, 1000)).toBe(true);
    expect(needsResync(5, 5, 1000)).toBe(false);
  });
  it('sends a client that claims a seq the log never had to refetch', () => {
    expect(needsResync(6, 5, 1000)).toBe(true);
  });
});

describe('continuation', () => {
  it('drops repeats and keeps order', () => {
    expect(seqs(continuation(3, [event(2), event(3), event(4), event(5)]))).toEqual([4, 5]);
  });
  it('stops at a gap rather than skip an event', () => {
    expect(seqs(continuation(3, [event(4), event(6), event(7)]))).toEqual([4]);
    expect(seqs(continuation(3, [event(5)]))).toEqual([]);
  });
  it('never repeats an event listed twice', () => {
    expect(seqs(continuation(0, [event(1), event(1), event(2), event(2)]))).toEqual([1, 2]);
  });
});

describe('sendVerdict', () => {
  const limits = { highWaterBytes: 100, slowMs: 1000, maxBehind: 10 };
  it('sends while the socket drains', () => {
    expect(sendVerdict({ behind: 10, buffered: 100, fullSince: undefined, now: 0, limits })).toBe('send');
  });
  it('resyncs one more than maxBehind behind, even with room on the socket (a big import)', () => {
    expect(sendVerdict({ behind: 11, buffered: 0, fullSince: undefined, now: 0, limits })).toBe('resync');
  });
  it('waits on a full socket, for a while', () => {
    expect(sendVerdict({ behind: 5, buffered: 101, fullSince: undefined, now: 0, limits })).toBe('wait');
    expect(sendVerdict({ behind: 5, buffered: 101, fullSince: 0, now: 999, limits })).toBe('wait');
  });
  it('resyncs a socket that stays full too long, or falls too far behind while full', () => {
    expect(sendVerdict({ behind: 5, buffered: 101, fullSince: 0, now: 1000, limits })).toBe('resync');
    expect(sendVerdict({ behind: 11, buffered: 101, fullSince: undefined, now: 0, limits })).toBe('resync');
  });
});

describe('revokes', () => {
  const [u1, u2] = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
  const member = (id: string) => ({
    user: { id, email: 'x@example.com', name: 'X', handle: 'x' },
    roles: ['developer'],
    joinedAt: '2030-01-01T00:00:00.000Z',
  });
  const removed = (id: string) => event(1, 'member.removed', { member: member(id) });
  it('ends the subscription of the removed member only', () => {
    expect(revokes(removed(u1), u1)).toBe(true);
    expect(revokes(removed(u2), u1)).toBe(false);
    expect(revokes(event(1, 'member.updated', { member: member(u1), from: [] }), u1)).toBe(false);
  });
});

describe('takeToken', () => {
  it('allows a burst of `rate` messages, then refills at `rate` a second', () => {
    let bucket = { tokens: 20, at: 0 };
    const allowed: boolean[] = [];
    for (let i = 0; i < 21; i++) {
      const taken = takeToken(bucket, 0, 20);
      allowed.push(taken.allowed);
      bucket = taken.bucket;
    }
    expect(allowed.filter(Boolean)).toHaveLength(20);
    expect(allowed[20]).toBe(false);
    expect(takeToken(bucket, 50, 20).allowed).toBe(true);
  });
});

describe('isAllowedOrigin', () => {
  it('lets scripts (no Origin), the own host and the allowed origins in', () => {
    expect(isAllowedOrigin(undefined, 'ordo.dev', [])).toBe(true);
    expect(isAllowedOrigin('https://ordo.dev', 'ordo.dev', [])).toBe(true);
    expect(isAllowedOrigin('http://localhost:5173', 'localhost:3000', ['http://localhost:5173/'])).toBe(true);
  });
  it('refuses other origins, look-alikes and garbage', () => {
    expect(isAllowedOrigin('https://evil.dev', 'ordo.dev', ['https://board.ordo.dev'])).toBe(false);
    expect(isAllowedOrigin('https://ordo.dev.evil.dev', 'ordo.dev', [])).toBe(false);
    expect(isAllowedOrigin('http://localhost:5174', 'localhost:3000', ['http://localhost:5173'])).toBe(false);
    expect(isAllowedOrigin('null', 'ordo.dev', [])).toBe(false);
  });
});

describe('parseClientFrame', () => {
  it('reads the contract messages', () => {
    expect(parseClientFrame('{"type":"subscribe","project":"SHOP","since":120}')).toEqual({
      ok: true,
      message: { type: 'subscribe', project: 'SHOP', since: 120 },
    });
    expect(parseClientFrame('{"type":"unsubscribe","project":"SHOP"}').ok).toBe(true);
  });
  it('says what is wrong with anything else', () => {
    expect(parseClientFrame(undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/text/) });
    expect(parseClientFrame('{')).toMatchObject({ ok: false, reason: 'The frame is not JSON' });
    expect(parseClientFrame('{"type":"subscribe","project":"SHOP","since":1.5}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^since/),
    });
    expect(parseClientFrame('{"type":"hello"}').ok).toBe(false);
  });
});

describe('presence rules', () => {
  it('lists each user once, by name', () => {
    const users = mergeUsers([
      [{ id: 'b', name: 'Bea' }],
      [
        { id: 'a', name: 'Al' },
        { id: 'b', name: 'Bea' },
      ],
    ]);
    expect(users).toEqual([
      { id: 'a', name: 'Al' },
      { id: 'b', name: 'Bea' },
    ]);
    expect(
      sameUsers(users, [
        { id: 'a', name: 'Al' },
        { id: 'b', name: 'Bea' },
      ]),
    ).toBe(true);
    expect(sameUsers(users, [{ id: 'a', name: 'Al' }])).toBe(false);
  });
  it('takes an instance silent for three heartbeats for dead', () => {
    expect(isSilent(0, 300, 100)).toBe(false);
    expect(isSilent(0, 301, 100)).toBe(true);
  });
});
