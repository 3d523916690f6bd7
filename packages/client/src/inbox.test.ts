import { describe, expect, it } from 'vitest';
import type { Notification } from '@ordo/domain';
import { FakeSocket, ManualTimers } from './fake-socket';
import { startInbox } from './inbox';

const notification: Notification = {
  id: '6f1c1c1e-8f7a-4a51-9d35-2f8c0c1f4a10',
  type: 'mentioned',
  at: '2030-01-01T00:00:00.000Z',
  read: false,
  actor: { id: null, name: 'PO' },
  project: { key: 'SHOP', name: 'Shop' },
  story: { key: 'SHOP-1', title: 'Checkout' },
  text: 'PO mentioned you on SHOP-1: hi',
};

function setup() {
  const sockets: FakeSocket[] = [];
  const timers = new ManualTimers();
  const got: Notification[] = [];
  let reconnected = 0;
  let signedOut = 0;
  const inbox = startInbox({
    url: 'ws://ordo.test/api/live',
    socket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    onNotification: (n) => got.push(n),
    onReconnected: () => reconnected++,
    onSignedOut: () => signedOut++,
    backoff: { initialMs: 100, maxMs: 400 },
    random: () => 1,
    timers,
  });
  return { inbox, sockets, timers, got, counts: () => ({ reconnected, signedOut }) };
}

describe('startInbox', () => {
  it('hands over every notification frame and ignores the rest, sending nothing', () => {
    const { sockets, got } = setup();
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'notification', notification });
    sockets[0]!.receive({ type: 'presence', project: 'SHOP', users: [] });
    sockets[0]!.receive('not json');
    expect(got).toEqual([notification]);
    expect(sockets[0]!.sent).toEqual([]);
  });

  it('reconnects after a drop and says so, so the app rereads what it missed', () => {
    const { sockets, timers, counts } = setup();
    sockets[0]!.open();
    sockets[0]!.drop();
    expect(timers.pending).toEqual([100]);
    timers.advance(100);
    sockets[1]!.open();
    expect(counts()).toEqual({ reconnected: 1, signedOut: 0 });
  });

  it('stops for good when the session ended, and when closed', () => {
    const first = setup();
    first.sockets[0]!.open();
    first.sockets[0]!.receive({ type: 'error', code: 'unauthenticated' });
    first.sockets[0]!.close(1008);
    expect(first.timers.pending).toEqual([]);
    expect(first.counts().signedOut).toBe(1);
    const second = setup();
    second.inbox.close();
    expect(second.timers.pending).toEqual([]);
    expect(second.sockets).toHaveLength(1);
  });
});
