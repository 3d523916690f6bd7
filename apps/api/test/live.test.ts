import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productMembers, projects, sessions } from '@ordo/db';
import { hashSecret } from '../src/lib/secrets';
import { writeInProject } from '../src/modules/events/log';
import { Client, startTestApp, type Team, type TestApp } from './harness';
import { caughtUp, coverageProblems, follow } from './live-follow';
import {
  checkPresence,
  isError,
  isEvent,
  isPresence,
  lastSeqOf,
  openLive,
  range,
  seqsOf,
  upgradeStatus,
} from './live-socket';

let t: TestApp;
let team: Team;
beforeAll(async () => {
  t = await startTestApp({ live: { allowedOrigins: ['https://board.example.com'], sessionCheckMs: 100 } });
  team = await t.projectWithTeam();
});
afterAll(() => t.close());

const addStory = (title: string) => team.po.post(`/api/projects/${team.key}/stories`, { title });

describe('opening the live socket', () => {
  it('refuses an unauthenticated upgrade with 401', async () => {
    expect(await upgradeStatus(t.url)).toBe(401);
    expect(await upgradeStatus(t.url, undefined, { authorization: 'Bearer not-a-token' })).toBe(401);
  });

  it('refuses a page from a foreign origin with 403, and lets the own host and allowed origins in', async () => {
    const host = new URL(t.url).host;
    expect(await upgradeStatus(t.url, team.dev, { origin: 'https://evil.example.com' })).toBe(403);
    expect(await upgradeStatus(t.url, team.dev, { origin: 'null' })).toBe(403);
    expect(await upgradeStatus(t.url, team.dev, { origin: `http://${host}` })).toBe(101);
    expect(await upgradeStatus(t.url, team.dev, { origin: 'https://board.example.com' })).toBe(101);
    expect(await upgradeStatus(t.url, team.dev)).toBe(101);
  });
});

describe('subscribing', () => {
  it('replays the events after `since` in order, then streams new ones', async () => {
    await addStory('Before one');
    await addStory('Before two');
    const last = await lastSeqOf(team.po, team.key);
    const socket = await openLive(t.url, team.dev);
    socket.send({ type: 'subscribe', project: team.key, since: last - 2 });
    await socket.waitFor(isEvent(team.key, last));
    const created = await addStory('After');
    await socket.waitFor(isEvent(team.key, last + 1));
    expect(seqsOf(socket, team.key)).toEqual(range(last - 1, last + 1));
    const streamed = socket.messages.find(isEvent(team.key, last + 1))!;
    expect(streamed.event).toMatchObject({
      seq: last + 1,
      type: 'story.created',
      actor: { id: team.po.user!.id },
    });
    expect(streamed.event.data.story).toMatchObject({ key: created.body.story.key, title: 'After' });
    socket.close();
  });

  it('sends each event once to every subscriber, however many watch', async () => {
    const sockets = await Promise.all(
      [team.dev, team.pm, team.stakeholder, team.dev].map((c) => openLive(t.url, c)),
    );
    const last = await lastSeqOf(team.po, team.key);
    for (const socket of sockets) socket.send({ type: 'subscribe', project: team.key, since: last });
    await Promise.all(sockets.map((s) => s.waitFor((m) => m.type === 'presence')));
    await addStory('Fan out one');
    await addStory('Fan out two');
    for (const socket of sockets) {
      await socket.waitFor(isEvent(team.key, last + 2));
      expect(seqsOf(socket, team.key)).toEqual([last + 1, last + 2]);
      socket.close();
    }
  });

  it('replays up to 1,000 missed events, and tells one further behind, or from a future seq, to resync', async () => {
    const { key, po, project } = await t.projectWithTeam();
    await writeInProject(
      t.database.db,
      { project, actor: { id: po.user!.id, name: 'PO' } },
      async (_tx, log) => {
        for (let i = 0; i < 1001; i++)
          log.append('project.updated', { project: { ...project, description: `Change ${i}` } });
      },
    );
    const last = await lastSeqOf(po, key);
    const socket = await openLive(t.url, po);
    socket.send({ type: 'subscribe', project: key, since: last - 1001 });
    await socket.waitFor((m) => m.type === 'resync' && m.project === key);
    socket.send({ type: 'subscribe', project: key, since: last - 1000 });
    await socket.waitFor(isEvent(key, last));
    expect(seqsOf(socket, key)).toEqual(range(last - 999, last));
    socket.send({ type: 'subscribe', project: key, since: last + 1 });
    await socket.waitFor(
      (m) => m.type === 'resync' && socket.messages.filter((r) => r.type === 'resync').length === 2,
    );
    socket.close();
  });

  it('answers a project one may not read, and one that does not exist, alike: not_found and no events', async () => {
    const socket = await openLive(t.url, team.outsider);
    socket.send({ type: 'subscribe', project: team.key, since: 0 });
    socket.send({ type: 'subscribe', project: 'NOSUCH', since: 0 });
    await socket.waitFor((m) => m.type === 'error' && m.project === 'NOSUCH');
    expect(socket.messages).toEqual([
      { type: 'error', code: 'not_found', message: 'No such project', project: team.key },
      { type: 'error', code: 'not_found', message: 'No such project', project: 'NOSUCH' },
    ]);
    const member = await openLive(t.url, team.dev);
    const last = await lastSeqOf(team.po, team.key);
    member.send({ type: 'subscribe', project: team.key, since: last });
    await addStory('Secret');
    await member.waitFor(isEvent(team.key, last + 1));
    expect(socket.messages.filter((m) => m.type === 'event')).toEqual([]);
    socket.close();
    member.close();
  });

  it('stops the stream on unsubscribe', async () => {
    const socket = await openLive(t.url, team.dev);
    const last = await lastSeqOf(team.po, team.key);
    socket.send({ type: 'subscribe', project: team.key, since: last });
    await socket.waitFor((m) => m.type === 'presence');
    socket.send({ type: 'unsubscribe', project: team.key });
    await addStory('Unwatched');
    // A second subscription on the same socket, from the seq before the change, gets it exactly once.
    socket.send({ type: 'subscribe', project: team.key, since: last });
    await socket.waitFor(isEvent(team.key, last + 1));
    expect(seqsOf(socket, team.key)).toEqual([last + 1]);
    socket.close();
  });
});

describe('a burst bigger than the catch-up limit', () => {
  it('tells a subscriber to resync instead of streaming thousands of events (a backlog import)', async () => {
    const { key, po } = await t.projectWithTeam();
    const last = await lastSeqOf(po, key);
    const socket = await openLive(t.url, po);
    socket.send({ type: 'subscribe', project: key, since: last });
    await socket.waitFor((m) => m.type === 'presence');
    const stories = Array.from({ length: 1001 }, (_, i) => ({ title: `Imported ${i}` }));
    expect((await po.post(`/api/projects/${key}/stories/import`, { stories })).status).toBe(201);
    await socket.waitFor((m) => m.type === 'resync' && m.project === key);
    expect(seqsOf(socket, key)).toEqual([]);
    socket.close();
  });
});

describe('subscribing without a seq', () => {
  it('starts from now: nothing is replayed, what comes next is streamed', async () => {
    await addStory('Before');
    const last = await lastSeqOf(team.po, team.key);
    const socket = await openLive(t.url, team.dev);
    socket.send({ type: 'subscribe', project: team.key });
    await socket.waitFor((m) => m.type === 'presence');
    await addStory('After');
    await socket.waitFor(isEvent(team.key, last + 1));
    expect(seqsOf(socket, team.key)).toEqual([last + 1]);
    socket.close();
  });
});

describe('bad frames', () => {
  it('answers each with validation_failed and keeps the socket and everyone else going', async () => {
    const bystander = await openLive(t.url, team.pm);
    const last = await lastSeqOf(team.po, team.key);
    bystander.send({ type: 'subscribe', project: team.key, since: last });
    const socket = await openLive(t.url, team.dev);
    const bad = [
      'not json',
      '[]',
      '"subscribe"',
      { type: 'dance' },
      { type: 'subscribe', project: 'shop', since: 0 },
      { type: 'subscribe', project: team.key, since: -1 },
      { type: 'subscribe', project: team.key, since: '3' },
      { type: 'unsubscribe' },
    ];
    for (const frame of bad) socket.send(frame);
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    socket.send({ type: 'subscribe', project: team.key, since: last });
    await addStory('Still live');
    await socket.waitFor(isEvent(team.key, last + 1));
    await bystander.waitFor(isEvent(team.key, last + 1));
    const errors = socket.messages.filter(isError());
    expect(errors).toHaveLength(bad.length + 1);
    expect(errors.every((e) => e.code === 'validation_failed' && e.message)).toBe(true);
    expect(errors.find((e) => e.message?.includes('since'))).toBeDefined();
    socket.close();
    bystander.close();
  });

  it('closes a socket that sends a frame over 64 KiB', async () => {
    const socket = await openLive(t.url, team.dev);
    socket.send({ type: 'subscribe', project: team.key, since: 0, padding: 'x'.repeat(64 * 1024) });
    expect(await socket.closed).toBe(1009);
  });

  it('closes a socket that sends more than 20 messages a second, after saying why', async () => {
    const socket = await openLive(t.url, team.dev);
    for (let i = 0; i < 40; i++) socket.send({ type: 'unsubscribe', project: team.key });
    await socket.waitFor(isError('rate_limited'));
    expect(await socket.closed).toBe(1008);
  });
});

describe('revocation', () => {
  it('ends the subscription of a member who is removed, with forbidden, and sends nothing after', async () => {
    const { key, po, admin, stakeholder } = await t.projectWithTeam();
    const socket = await openLive(t.url, stakeholder);
    const last = await lastSeqOf(po, key);
    socket.send({ type: 'subscribe', project: key, since: last });
    await socket.waitFor((m) => m.type === 'presence');
    const removed = await admin.delete(`/api/projects/${key}/members/${stakeholder.user!.id}`);
    expect(removed.status).toBe(204);
    await socket.waitFor((m) => m.type === 'error' && m.code === 'forbidden' && m.project === key);
    await po.post(`/api/projects/${key}/stories`, { title: 'After removal' });
    socket.send({ type: 'subscribe', project: key, since: last });
    await socket.waitFor((m) => m.type === 'error' && m.code === 'not_found');
    expect(seqsOf(socket, key)).toEqual([]);
  });

  it('ends a subscription that may no longer be read though nothing announced it (no NOTIFY, no event)', async () => {
    const { key, po, admin, stakeholder } = await t.projectWithTeam();
    const watcher = await t.register('Product watcher');
    const added = await admin.post(`/api/products/${key}/members`, {
      email: watcher.user!.email,
      roles: ['stakeholder'],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const socket = await openLive(t.url, watcher);
    const stays = await openLive(t.url, stakeholder);
    for (const s of [socket, stays]) {
      s.send({ type: 'subscribe', project: key });
      await s.waitFor((m) => m.type === 'presence' && m.project === key);
    }
    // Straight in the database, as a lost NOTIFY ordo_access would leave it: only the periodic check can tell.
    const [team] = await t.database.db
      .select({ productId: projects.productId })
      .from(projects)
      .where(eq(projects.key, key));
    await t.database.db
      .delete(productMembers)
      .where(and(eq(productMembers.productId, team!.productId), eq(productMembers.userId, watcher.user!.id)));
    await socket.waitFor((m) => m.type === 'error' && m.code === 'forbidden' && m.project === key);
    // A reader who may still read it keeps the subscription: the next story reaches them, not the removed one.
    await po.post(`/api/projects/${key}/stories`, { title: 'After the quiet removal' });
    await stays.waitFor((m) => m.type === 'event' && JSON.stringify(m).includes('After the quiet removal'));
    expect(JSON.stringify(socket.messages)).not.toContain('After the quiet removal');
    socket.close();
    stays.close();
  });

  it('closes the sockets of a session that logs out, and only those', async () => {
    const login = await t.register('Leaver');
    const other = await openLive(t.url, team.dev);
    const socket = await openLive(t.url, login);
    await login.post('/api/auth/logout');
    await socket.waitFor(isError('unauthenticated'));
    expect(await socket.closed).toBe(1008);
    other.send({ type: 'unsubscribe', project: team.key });
    expect(other.ws.readyState).toBe(other.ws.OPEN);
    other.close();
  });

  it('closes the socket of a session that expires, and keeps those of personal access tokens', async () => {
    const login = await t.register('Expiring');
    const token = (await login.post('/api/me/tokens', { name: 'script' })).body.token as string;
    const script = await openLive(t.url, new Client(t.url, token));
    const socket = await openLive(t.url, login);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(0) })
      .where(eq(sessions.tokenHash, hashSecret(login.token!)));
    await socket.waitFor(isError('unauthenticated'));
    expect(await socket.closed).toBe(1008);
    expect(script.ws.readyState).toBe(script.ws.OPEN);
    script.close();
  });
});

describe('presence', () => {
  it('tells every subscriber who is watching, on join and on leave', async () => {
    const { key, po, dev } = await t.projectWithTeam();
    await checkPresence(key, { url: t.url, member: po }, { url: t.url, member: dev });
  });
});

describe('a slow subscriber', () => {
  it('gets what it can drain, in order, and then resync instead of an endless buffer', async () => {
    const slow = await startTestApp({ live: { highWaterBytes: 64 * 1024, slowMs: 300 } });
    const { key, po, dev, project } = await slow.projectWithTeam();
    // 1,000 events of 16 KB each: far more than the kernel's socket buffers hold while the client reads nothing.
    await writeInProject(
      slow.database.db,
      { project, actor: { id: po.user!.id, name: 'PO' } },
      async (_tx, log) => {
        for (let i = 0; i < 1000; i++)
          log.append('project.updated', {
            project: { ...project, description: `${i} `.padEnd(16 * 1024, 'x') },
          });
      },
    );
    const last = await lastSeqOf(po, key);
    // A bystander (the developer, from now on: no replay to fall behind on) sees the PO arrive and, once the
    // server gives up on the PO's full socket (slowMs, 300 ms), leave: the PO's socket stays paused until then,
    // however slow the machine.
    const bystander = await openLive(slow.url, dev);
    bystander.send({ type: 'subscribe', project: key });
    await bystander.waitFor(isPresence(key, [dev.user!.id]));
    const socket = await openLive(slow.url, po);
    socket.ws.pause();
    socket.send({ type: 'subscribe', project: key, since: last - 1000 });
    const both = bystander.messages.indexOf(
      await bystander.waitFor(isPresence(key, [po.user!.id, dev.user!.id])),
    );
    await bystander.waitFor(
      (m) => bystander.messages.indexOf(m) > both && isPresence(key, [dev.user!.id])(m),
    );
    socket.ws.resume();
    await socket.waitFor((m) => m.type === 'resync');
    const seqs = seqsOf(socket, key);
    expect(seqs.length).toBeLessThan(1000);
    expect(seqs).toEqual(range(last - 999, last - 1000 + seqs.length));
    expect(socket.messages.at(-1)).toEqual({ type: 'resync', project: key });
    socket.close();
    bystander.close();
    await slow.close();
  });
});

describe('heartbeat', () => {
  it('closes a socket that stops answering pings', async () => {
    // Long enough that a socket which does answer never misses a round, even on a busy test machine.
    const quick = await startTestApp({ live: { heartbeatMs: 500 } });
    const user = await quick.register('Sleeper');
    const silent = await openLive(quick.url, user, { autoPong: false });
    const lively = await openLive(quick.url, user);
    expect(await silent.closed).toBe(1006);
    expect(lively.ws.readyState).toBe(lively.ws.OPEN);
    lively.close();
    await quick.close();
  });
});

describe('the @ordo/client live client against the real server', () => {
  it('rejoins from its last seq, and reconnects after a cut, with exactly the events it missed', async () => {
    const { key, po, dev } = await t.projectWithTeam();
    const follower = await follow({ urls: [t.url], member: dev, key });
    await po.post(`/api/projects/${key}/stories`, { title: 'Seen live' });
    const first = await lastSeqOf(po, key);
    await caughtUp(follower, first);
    follower.leave();
    for (const title of ['Missed one', 'Missed two', 'Missed three'])
      await po.post(`/api/projects/${key}/stories`, { title });
    follower.rejoin();
    await po.post(`/api/projects/${key}/stories`, { title: 'After rejoining' });
    await caughtUp(follower, await lastSeqOf(po, key));
    follower.cut();
    for (const title of ['Around the cut', 'After the cut'])
      await po.post(`/api/projects/${key}/stories`, { title });
    const last = await lastSeqOf(po, key);
    await caughtUp(follower, last);
    expect([...follower.seen.keys()]).toEqual(range(follower.refetchedUpTo + 1, last));
    expect(coverageProblems(follower, last)).toEqual([]);
    expect([...follower.stories.values()].map((s) => s.title)).toEqual([
      'Seen live',
      'Missed one',
      'Missed two',
      'Missed three',
      'After rejoining',
      'Around the cut',
      'After the cut',
    ]);
    follower.leave();
  });
});
