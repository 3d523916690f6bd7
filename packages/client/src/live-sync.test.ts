import { describe, expect, it } from 'vitest';
import type { ProjectEvent } from '@ordo/domain';
import { FakeSocket, ManualTimers } from './fake-socket';
import { startLiveSync, type LiveState, type LiveSyncOptions } from './live-sync';

const event = (seq: number): ProjectEvent => ({
  seq,
  type: 'story.updated',
  actor: { id: null, name: 'PO' },
  at: '2030-01-01T00:00:00.000Z',
  data: {},
});
const eventMessage = (seq: number, project = 'SHOP') => ({ type: 'event', project, seq, event: event(seq) });

function setup(overrides: Partial<LiveSyncOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const timers = new ManualTimers();
  const seen: number[] = [];
  const states: LiveState[] = [];
  const errors: string[] = [];
  const live = startLiveSync({
    url: 'ws://ordo.test/api/live',
    socket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    project: 'SHOP',
    since: 10,
    onEvent: (e) => seen.push(e.seq),
    onResync: () => 50,
    onState: (s) => states.push(s),
    onError: (e) => errors.push(e.code),
    backoff: { initialMs: 100, maxMs: 400 },
    random: () => 1,
    timers,
    ...overrides,
  });
  const current = () => sockets[sockets.length - 1]!;
  return { live, sockets, timers, seen, states, errors, current };
}

describe('the live client', () => {
  it('subscribes from `since` once the socket opens, and delivers events in order', () => {
    const { live, current, seen } = setup();
    expect(current().url).toBe('ws://ordo.test/api/live');
    expect(live.state).toBe('connecting');
    current().open();
    expect(live.state).toBe('open');
    expect(current().sent).toEqual([{ type: 'subscribe', project: 'SHOP', since: 10 }]);
    for (const seq of [11, 12, 13]) current().receive(eventMessage(seq));
    expect(seen).toEqual([11, 12, 13]);
    expect(live.lastSeq).toBe(13);
  });

  it('drops repeats, ignores other projects and garbage, and asks again from its last seq after a gap', () => {
    const { current, seen } = setup();
    current().open();
    current().receive(eventMessage(11));
    current().receive(eventMessage(11));
    current().receive(eventMessage(12, 'OTHER'));
    current().receive('not json');
    current().receive({ type: 'event', project: 'SHOP', seq: 'twelve' });
    current().receive(eventMessage(13));
    expect(seen).toEqual([11]);
    expect(current().sent.at(-1)).toEqual({ type: 'subscribe', project: 'SHOP', since: 11 });
  });

  it('reconnects after a drop with a growing, capped backoff, and resumes from the last seq', () => {
    const { live, sockets, timers, current, seen, states } = setup();
    current().open();
    current().receive(eventMessage(11));
    current().drop();
    expect(live.state).toBe('reconnecting');
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      delays.push(...timers.pending);
      timers.advance(timers.pending[0]!);
      current().drop();
    }
    expect(delays).toEqual([100, 200, 400, 400]);
    timers.advance(timers.pending[0]!);
    current().open();
    expect(current().sent).toEqual([{ type: 'subscribe', project: 'SHOP', since: 11 }]);
    current().receive(eventMessage(12));
    expect(seen).toEqual([11, 12]);
    expect(sockets).toHaveLength(6);
    expect(states.slice(0, 3)).toEqual(['open', 'reconnecting', 'connecting']);
    // A connection that worked resets the backoff.
    current().drop();
    expect(timers.pending).toEqual([100]);
  });

  it('comes back after a server restart or shutdown (close 1012, 1001) and resumes from the last seq', () => {
    for (const code of [1012, 1001]) {
      const { live, current, timers, seen } = setup();
      current().open();
      current().receive(eventMessage(11));
      current().close(code);
      expect(live.state).toBe('reconnecting');
      timers.advance(timers.pending[0]!);
      current().open();
      expect(current().sent).toEqual([{ type: 'subscribe', project: 'SHOP', since: 11 }]);
      current().receive(eventMessage(12));
      expect(seen).toEqual([11, 12]);
    }
  });

  it('refetches on resync and subscribes again from the seq of the fresh data', async () => {
    let refetched = 0;
    const { live, current, seen } = setup({ onResync: async () => (refetched++, 40) });
    current().open();
    current().receive({ type: 'resync', project: 'SHOP' });
    await Promise.resolve();
    expect(refetched).toBe(1);
    expect(live.lastSeq).toBe(40);
    expect(current().sent.at(-1)).toEqual({ type: 'subscribe', project: 'SHOP', since: 40 });
    current().receive(eventMessage(41));
    expect(seen).toEqual([41]);
  });

  it('tries again after the backoff when the refetch fails', async () => {
    const { timers, sockets, current } = setup({ onResync: () => Promise.reject(new Error('offline')) });
    current().open();
    current().receive({ type: 'resync', project: 'SHOP' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timers.pending).toEqual([100]);
    timers.advance(100);
    expect(sockets).toHaveLength(2);
  });

  it('keeps who is watching', () => {
    const users = [{ id: 'u1', name: 'Ada' }];
    const seenUsers: unknown[] = [];
    const { live, current } = setup({ onPresence: (u) => seenUsers.push(u) });
    current().open();
    current().receive({ type: 'presence', project: 'SHOP', users });
    expect(live.presence).toEqual(users);
    expect(seenUsers).toEqual([users]);
  });

  it('stops for good on not_found, forbidden or unauthenticated, and reports it', () => {
    for (const code of ['not_found', 'forbidden', 'unauthenticated']) {
      const { live, current, timers, errors } = setup();
      current().open();
      current().receive({ type: 'error', code, project: 'SHOP' });
      expect(live.state).toBe('closed');
      expect(errors).toEqual([code]);
      expect(timers.pending).toEqual([]);
    }
  });

  it('reconnects after a server-side failure to subscribe', () => {
    const { live, current, timers } = setup();
    current().open();
    current().receive({ type: 'error', code: 'unavailable', project: 'SHOP' });
    expect(live.state).toBe('reconnecting');
    expect(timers.pending).toEqual([100]);
  });

  it('closes when asked and never reconnects', () => {
    const { live, current, timers, states } = setup();
    current().open();
    live.close();
    expect(current().readyState).toBe(3);
    expect(timers.pending).toEqual([]);
    expect(live.state).toBe('closed');
    expect(states.at(-1)).toBe('closed');
  });
});
