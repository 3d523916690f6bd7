import { describe, expect, it } from 'vitest';
import { useTeam, type Team, type TestApp } from './harness';
import { openLive } from './live-socket';
import { inbox, kinds, statusIds, storyOf } from './notification-helpers';
import { newStory } from './sprint-helpers';

let t: TestApp;
let team: Team;
let base: string;
useTeam((file) => ({ t, team, base } = file));

const watchPath = (key: string) => `${base}/stories/${key}/watch`;

describe('watching', () => {
  it('the creator watches a new story; anyone who may read it watches and unwatches by hand', async () => {
    const key = await newStory(team.po, base);
    expect((await storyOf(team.po, base, key)).watching).toBe(true);
    expect((await storyOf(team.stakeholder, base, key)).watching).toBe(false);
    expect((await team.stakeholder.post(watchPath(key))).status).toBe(204);
    expect((await team.stakeholder.post(watchPath(key))).status).toBe(204);
    expect((await storyOf(team.stakeholder, base, key)).watching).toBe(true);
    expect((await team.stakeholder.delete(watchPath(key))).status).toBe(204);
    expect((await storyOf(team.stakeholder, base, key)).watching).toBe(false);
  });

  it('answers 404 for a story that does not exist and for a non-member', async () => {
    expect((await team.dev.post(watchPath(`${team.key}-9999`))).body.error.code).toBe('not_found');
    const key = await newStory(team.po, base);
    expect((await team.outsider.post(watchPath(key))).status).toBe(404);
  });

  it('whoever comments and whoever is assigned starts watching', async () => {
    const key = await newStory(team.po, base);
    await team.sm.post(`${base}/stories/${key}/comments`, { body: 'On it' });
    await team.po.patch(`${base}/stories/${key}`, { version: 1, assigneeId: team.dev.user!.id });
    expect((await storyOf(team.sm, base, key)).watching).toBe(true);
    expect((await storyOf(team.dev, base, key)).watching).toBe(true);
    expect((await storyOf(team.pm, base, key)).watching).toBe(false);
  });
});

describe('notifications', () => {
  it('tells the watchers of a comment, an assignment, a status change, acceptance and rejection, never the actor', async () => {
    const { doing, done } = await statusIds(team.po, base);
    const key = await newStory(team.po, base);
    await team.sm.post(`${base}/stories/${key}/comments`, { body: 'Looks big' });
    await team.po.patch(`${base}/stories/${key}`, { version: 1, assigneeId: team.dev.user!.id });
    await team.dev.post(`${base}/stories/${key}/transition`, { statusId: doing.id });
    await team.dev.post(`${base}/stories/${key}/transition`, { statusId: done.id });
    await team.po.post(`${base}/stories/${key}/reject`, { reason: 'Breaks on mobile' });
    await team.dev.post(`${base}/stories/${key}/transition`, { statusId: done.id });
    await team.po.post(`${base}/stories/${key}/accept`);
    // The PO created it and the SM commented: the PO hears of the comment and the moves, not of their own acts.
    expect(await kinds(team.po, key)).toEqual([
      'status_changed',
      'status_changed',
      'status_changed',
      'commented',
    ]);
    expect(await kinds(team.dev, key)).toEqual(['accepted', 'rejected', 'assigned']);
    expect(await kinds(team.sm, key)).toEqual([
      'accepted',
      'status_changed',
      'rejected',
      'status_changed',
      'status_changed',
    ]);
    const [accepted] = (await inbox(team.dev)).items;
    expect(accepted).toMatchObject({
      type: 'accepted',
      read: false,
      actor: { id: team.po.user!.id, name: team.po.user!.name },
      project: { key: team.key, name: team.project.name },
      story: { key, title: 'Story' },
      text: `${team.po.user!.name} accepted ${key} Story`,
    });
    expect((await inbox(team.pm)).items.filter((n) => n.story?.key === key)).toEqual([]);
  });

  it('writes nothing for a change that was refused', async () => {
    const key = await newStory(team.po, base);
    await team.po.patch(`${base}/stories/${key}`, { version: 1, title: 'Renamed' });
    const before = await inbox(team.dev);
    const stale = await team.po.patch(`${base}/stories/${key}`, {
      version: 1,
      assigneeId: team.dev.user!.id,
    });
    expect(stale.status).toBe(409);
    expect(await inbox(team.dev)).toEqual(before);
  });

  it('a member who lost access gets nothing more from the project, and no longer sees what came before', async () => {
    const leaver = await t.register('Leaver');
    await team.admin.post(`${base}/members`, { email: leaver.user!.email, roles: ['developer'] });
    const key = await newStory(team.po, base);
    await team.po.patch(`${base}/stories/${key}`, { version: 1, assigneeId: leaver.user!.id });
    expect(await kinds(leaver, key)).toEqual(['assigned']);
    await team.admin.delete(`${base}/members/${leaver.user!.id}`);
    await team.po.post(`${base}/stories/${key}/comments`, { body: 'Anyone?' });
    const { doing } = await statusIds(team.po, base);
    await team.po.post(`${base}/stories/${key}/transition`, { statusId: doing.id });
    expect(await inbox(leaver)).toEqual({ items: [], unread: 0 });
  });

  it('lists newest first, pages with before, filters unread, and marks read by id or all', async () => {
    const reader = await t.register('Reader');
    await team.admin.post(`${base}/members`, { email: reader.user!.email, roles: ['developer'] });
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) {
      const key = await newStory(team.po, base);
      await team.po.patch(`${base}/stories/${key}`, { version: 1, assigneeId: reader.user!.id });
      keys.push(key);
    }
    const all = await inbox(reader);
    expect(all.items.map((n) => n.story!.key)).toEqual([...keys].reverse());
    expect(all.unread).toBe(3);
    const first = await inbox(reader, '?limit=2');
    expect(first.items.map((n) => n.story!.key)).toEqual([keys[2], keys[1]]);
    const next = await inbox(reader, `?limit=2&before=${first.items[1]!.id}`);
    expect(next.items.map((n) => n.story!.key)).toEqual([keys[0]]);

    expect((await reader.post('/api/me/notifications/read', { ids: [first.items[0]!.id] })).status).toBe(204);
    const unread = await inbox(reader, '?unread=true');
    expect(unread.items.map((n) => n.story!.key)).toEqual([keys[1], keys[0]]);
    expect(unread.unread).toBe(2);
    expect((await inbox(reader)).items[0]).toMatchObject({ read: true });

    expect((await reader.post('/api/me/notifications/read', { all: true })).status).toBe(204);
    expect(await inbox(reader, '?unread=true')).toEqual({ items: [], unread: 0 });
  });

  it('marks only the caller’s own notifications: someone else’s ids change nothing', async () => {
    const key = await newStory(team.po, base);
    await team.po.patch(`${base}/stories/${key}`, { version: 1, assigneeId: team.sm.user!.id });
    const [theirs] = (await inbox(team.sm)).items;
    expect((await team.dev.post('/api/me/notifications/read', { ids: [theirs!.id] })).status).toBe(204);
    expect((await inbox(team.sm)).items[0]).toMatchObject({ id: theirs!.id, read: false });
    expect((await team.dev.get(`/api/me/notifications?before=${theirs!.id}`)).status).toBe(404);
  });

  it('refuses strangers and bad requests', async () => {
    expect((await team.anonymous.get('/api/me/notifications')).status).toBe(401);
    expect((await team.anonymous.post('/api/me/notifications/read', { all: true })).status).toBe(401);
    const empty = await team.dev.post('/api/me/notifications/read', {});
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.error)).toContain('ids');
    expect((await team.dev.get('/api/me/notifications?limit=0')).status).toBe(400);
    expect((await team.dev.get('/api/me/notifications?before=nope')).status).toBe(400);
  });
});

describe('mentions', () => {
  const handleOf = (client: { user?: unknown }) => (client.user as { handle: string }).handle;

  it('a comment’s @handle tells that member (once, as a mention), and nobody for handles of non-members or oneself', async () => {
    const key = await newStory(team.po, base);
    await team.dev.post(watchPath(key));
    const body = `@${handleOf(team.dev)} and @${handleOf(team.outsider)} and @${handleOf(team.sm)} and @nobody-here, @${handleOf(team.sm)} again; me: @${handleOf(team.pm)}`;
    expect((await team.pm.post(`${base}/stories/${key}/comments`, { body })).status).toBe(201);
    expect(await kinds(team.dev, key)).toEqual(['mentioned']);
    expect(await kinds(team.sm, key)).toEqual(['mentioned']);
    expect(await kinds(team.po, key)).toEqual(['commented']);
    expect(await kinds(team.pm, key)).toEqual([]);
    expect((await inbox(team.outsider)).items).toEqual([]);
    const [mention] = (await inbox(team.dev)).items;
    expect(mention!.text).toBe(`${team.pm.user!.name} mentioned you on ${key}: ${body}`);
  });

  it('a description’s @handle tells that member when the story is created, and on an edit only the newly mentioned', async () => {
    const key = await newStory(team.po, base, { description: `Ask @${handleOf(team.pm)}` });
    expect(await kinds(team.pm, key)).toEqual(['mentioned']);
    await team.po.patch(`${base}/stories/${key}`, {
      version: 1,
      description: `Ask @${handleOf(team.pm)} and @${handleOf(team.stakeholder)}`,
    });
    expect(await kinds(team.pm, key)).toEqual(['mentioned']);
    expect(await kinds(team.stakeholder, key)).toEqual(['mentioned']);
  });

  it('the handle of someone removed from the project tells them nothing', async () => {
    const gone = await t.register('Gone');
    await team.admin.post(`${base}/members`, { email: gone.user!.email, roles: ['developer'] });
    await team.admin.delete(`${base}/members/${gone.user!.id}`);
    const key = await newStory(team.po, base);
    await team.po.post(`${base}/stories/${key}/comments`, { body: `@${handleOf(gone)} are you there?` });
    expect(await inbox(gone)).toEqual({ items: [], unread: 0 });
  });
});

describe('live notifications', () => {
  it('reach every socket of the user at once, without a subscription, and nobody else’s', async () => {
    const first = await openLive(t.url, team.dev);
    const second = await openLive(t.url, team.dev);
    const other = await openLive(t.url, team.pm);
    other.send({ type: 'subscribe', project: team.key });
    const key = await newStory(team.po, base);
    await team.po.patch(`${base}/stories/${key}`, { version: 1, assigneeId: team.dev.user!.id });
    const [stored] = (await inbox(team.dev)).items;
    for (const socket of [first, second]) {
      const frame = await socket.waitFor((m) => m.type === 'notification');
      expect(frame).toEqual({ type: 'notification', notification: stored });
    }
    // The PM's socket saw the assignment's event, and no notification.
    await other.waitFor(
      (m) =>
        m.type === 'event' &&
        m.event.type === 'story.updated' &&
        (m.event.data.story as { key: string }).key === key,
    );
    expect(other.messages.filter((m) => m.type === 'notification')).toEqual([]);
    for (const socket of [first, second, other]) socket.close();
  });
});
