import { describe, expect, it } from 'vitest';
import { useTeam, type Team, type TestApp } from './harness';
import { expectInvalid, expectRefusal } from './expect';

let t: TestApp, team: Team, base: string;
useTeam((file) => ({ t, team, base } = file));

const create = async (body: Record<string, unknown> = {}) => {
  const reply = await team.po.post(`${base}/stories`, { title: 'A story', ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.story;
};
const statuses = async () =>
  (await team.po.get(`${base}/statuses`)).body.statuses as { id: string; category: string }[];

describe('stories', () => {
  it('creates a story with every field, in the first todo status, dropping unknown fields', async () => {
    const story = await create({
      title: '  Pay with a saved card  ',
      type: 'bug',
      description: '**markdown**',
      persona: 'shopper',
      goal: 'pay with a saved card',
      benefit: 'checkout is quick',
      acceptanceCriteria: ['Card is masked', { text: 'CVC asked again', done: true }],
      labels: ['checkout', 'checkout', 'mobile'],
      dueDate: '2026-12-24',
      smuggled: 'ignored',
    });
    expect(story).toMatchObject({
      key: `${team.key}-${story.number}`,
      title: 'Pay with a saved card',
      type: 'bug',
      acceptanceCriteria: [
        { text: 'Card is masked', done: false },
        { text: 'CVC asked again', done: true },
      ],
      labels: ['checkout', 'mobile'],
      points: null,
      version: 1,
      sprintId: null,
      accepted: false,
      deleted: false,
      statusId: (await statuses())[0]!.id,
    });
    expect(story.smuggled).toBeUndefined();
    // Read back, the story also says whether the reader watches it (the stakeholder does not; its creator does).
    expect((await team.stakeholder.get(`${base}/stories/${story.key}`)).body.story).toEqual({
      ...story,
      watching: false,
      links: [],
    });
  });

  it('numbers stories per project: KEY-1, KEY-2, …', async () => {
    const other = await t.projectWithTeam();
    const first = await other.po.post(`/api/projects/${other.key}/stories`, { title: 'One' });
    const second = await other.po.post(`/api/projects/${other.key}/stories`, { title: 'Two' });
    expect([first.body.story.key, second.body.story.key]).toEqual([`${other.key}-1`, `${other.key}-2`]);
  });

  it('edits with the version it was based on, and answers 409 with the current story when stale', async () => {
    const story = await create();
    const edited = await team.dev.patch(`${base}/stories/${story.key}`, {
      version: 1,
      title: 'Renamed',
      points: 5,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.story).toMatchObject({ title: 'Renamed', points: 5, version: 2 });
    const stale = await team.sm.patch(`${base}/stories/${story.key}`, { version: 1, title: 'Lost update' });
    expectRefusal(stale, 409, 'conflict');
    expect(stale.body.error.details.current).toMatchObject({ title: 'Renamed', version: 2 });
  });

  it('takes story points from the scale only, and only from developers and the SM', async () => {
    const story = await create();
    expectInvalid(await team.dev.patch(`${base}/stories/${story.key}`, { version: 1, points: 4 }), 'points');
    const po = await team.po.patch(`${base}/stories/${story.key}`, { version: 1, points: 3 });
    expectRefusal(po, 403, 'forbidden');
    expect(po.body.error.message).toBe('Only the Developer or Scrum Master can estimate story points');
    expectRefusal(await team.po.post(`${base}/stories`, { title: 'x', points: 3 }), 403, 'forbidden');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const story = await create();
    const before = (await team.po.get(`${base}/events?limit=1`)).body.lastSeq;
    expectInvalid(await team.po.post(`${base}/stories`, { title: '' }), 'title');
    expectInvalid(await team.po.post(`${base}/stories`, { title: 'x'.repeat(256) }), 'title');
    expectInvalid(await team.po.post(`${base}/stories`, {}), 'title');
    expectInvalid(await team.po.post(`${base}/stories`, { title: 42 }), 'title');
    expectInvalid(await team.po.post(`${base}/stories`, { title: 'x', type: 'epic' }), 'type');
    expectInvalid(
      await team.po.post(`${base}/stories`, { title: 'x', description: 'd'.repeat(50_001) }),
      'description',
    );
    expectInvalid(await team.po.post(`${base}/stories`, { title: 'x', dueDate: '24/12/2026' }), 'dueDate');
    expectInvalid(await team.po.post(`${base}/stories`, { title: 'x', labels: 'one' }), 'labels');
    expectInvalid(await team.po.post(`${base}/stories`, '{"title": "x",'), 'body');
    expectInvalid(
      await team.po.post(`${base}/stories`, '{"title":"x","__proto__":{"admin":true}}'),
      'body.__proto__',
    );
    expectInvalid(
      await team.po.post(`${base}/stories`, '{"title":"x","labels":[{"constructor":{"prototype":{}}}]}'),
      'body.prototype',
    );
    expectInvalid(await team.po.patch(`${base}/stories/${story.key}`, { title: 'no version' }), 'version');
    expectInvalid(await team.po.get(`${base}/stories/not-a-key`), 'story');
    expectRefusal(
      await team.po.post(`${base}/stories`, { title: 'x', description: 'd'.repeat(1024 * 1024) }),
      413,
      'payload_too_large',
    );
    expect((await team.po.get(`${base}/events?limit=1`)).body.lastSeq).toBe(before);
  });

  it('refuses ids of another project in the body and keys of another project in the path', async () => {
    const other = await t.projectWithTeam();
    const foreign = (await other.po.post(`/api/projects/${other.key}/stories`, { title: 'Theirs' })).body
      .story;
    const foreignStatus = (await other.po.get(`/api/projects/${other.key}/statuses`)).body.statuses[0].id;
    const story = await create();
    expectRefusal(await team.po.get(`${base}/stories/${foreign.key}`), 404, 'not_found');
    expectRefusal(
      await team.admin.patch(`${base}/stories/${foreign.key}`, { version: 1, title: 'Mine now' }),
      404,
      'not_found',
    );
    expectInvalid(
      await team.dev.patch(`${base}/stories/${story.key}`, { version: 1, statusId: foreignStatus }),
      'statusId',
    );
    expectInvalid(
      await team.dev.patch(`${base}/stories/${story.key}`, { version: 1, assigneeId: other.dev.user!.id }),
      'assigneeId',
    );
    expectInvalid(
      await team.po.patch(`${base}/stories/${story.key}`, { version: 1, epicId: foreign.id }),
      'epicId',
    );
    expectInvalid(
      await team.po.post(`${base}/backlog/rank`, { story: story.key, before: foreign.key }),
      'before',
    );
    expect((await other.po.get(`/api/projects/${other.key}/stories/${foreign.key}`)).body.story).toEqual({
      ...foreign,
      watching: true,
      links: [],
    });
    expect((await team.po.get(`${base}/stories/${story.key}`)).body.story.version).toBe(1);
  });

  it('soft-deletes and restores (PO), keeping the story out of the backlog meanwhile', async () => {
    const story = await create();
    const deleted = await team.po.delete(`${base}/stories/${story.key}`);
    expect(deleted.body.story.deleted).toBe(true);
    const backlogKeys = async () =>
      (await team.po.get(`${base}/backlog`)).body.items.map((s: { key: string }) => s.key);
    expect(await backlogKeys()).not.toContain(story.key);
    expectRefusal(
      await team.dev.patch(`${base}/stories/${story.key}`, { version: 2, title: 'x' }),
      409,
      'conflict',
    );
    expect((await team.po.post(`${base}/stories/${story.key}/restore`)).body.story.deleted).toBe(false);
    expect(await backlogKeys()).toContain(story.key);
  });

  it('lets the PO accept only done stories, and sends a rejected one back to work with the reason', async () => {
    const story = await create();
    expectRefusal(await team.po.post(`${base}/stories/${story.key}/accept`), 409, 'conflict');
    const [, inProgress, , done] = await statuses();
    await team.dev.patch(`${base}/stories/${story.key}`, { version: 1, statusId: done!.id });
    expect((await team.po.post(`${base}/stories/${story.key}/accept`)).body.story.accepted).toBe(true);
    const rejected = await team.po.post(`${base}/stories/${story.key}/reject`, { reason: 'Fails on Safari' });
    expect(rejected.body.story).toMatchObject({ accepted: false, statusId: inProgress!.id });
    const comments = (await team.dev.get(`${base}/stories/${story.key}/comments`)).body.items;
    expect(comments.map((c: { body: string }) => c.body)).toEqual(['Rejected: Fails on Safari']);
    expectInvalid(await team.po.post(`${base}/stories/${story.key}/reject`, {}), 'reason');
  });

  it('takes back acceptance when an edit moves an accepted story out of done', async () => {
    const story = await create();
    const [todo, , , done] = await statuses();
    await team.dev.patch(`${base}/stories/${story.key}`, { version: 1, statusId: done!.id });
    await team.po.post(`${base}/stories/${story.key}/accept`);
    const reopened = await team.dev.patch(`${base}/stories/${story.key}`, { version: 3, statusId: todo!.id });
    expect(reopened.body.story).toMatchObject({ accepted: false, statusId: todo!.id });
  });

  it('keeps comments and the story history with who did what', async () => {
    const story = await create();
    const comment = await team.stakeholder.post(`${base}/stories/${story.key}/comments`, {
      body: 'Can we ship it by Friday?',
    });
    expect(comment.status).toBe(201);
    expect(comment.body.comment).toMatchObject({
      body: 'Can we ship it by Friday?',
      author: { name: 'STAKEHOLDER' },
    });
    await team.dev.patch(`${base}/stories/${story.key}`, { version: 1, points: 8 });
    const history = (await team.stakeholder.get(`${base}/stories/${story.key}/history`)).body.items;
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'story.created',
      'comment.added',
      'story.updated',
    ]);
    expect(history[2]).toMatchObject({
      actor: { name: 'DEV' },
      data: { from: { points: null }, story: { points: 8 } },
    });
  });
});

describe('importing a backlog', () => {
  it('puts the stories at the bottom of the backlog, in order, numbered on, in one transaction', async () => {
    const other = await t.projectWithTeam();
    const b = `/api/projects/${other.key}`;
    await other.po.post(`${b}/stories`, { title: 'Already here' });
    const seqBefore = (await other.po.get(`${b}/events?limit=1`)).body.lastSeq;
    const reply = await other.po.post(`${b}/stories/import`, {
      stories: [
        { title: 'First', labels: ['jira'] },
        { title: 'Second', type: 'bug' },
        { title: 'Third', acceptanceCriteria: ['Works'] },
      ],
    });
    expect(reply.status).toBe(201);
    expect(reply.body.items.map((s: { key: string }) => s.key)).toEqual([
      `${other.key}-2`,
      `${other.key}-3`,
      `${other.key}-4`,
    ]);
    const backlog = (await other.dev.get(`${b}/backlog`)).body.items.map((s: { title: string }) => s.title);
    expect(backlog).toEqual(['Already here', 'First', 'Second', 'Third']);
    const events = (await other.po.get(`${b}/events?since=${seqBefore}`)).body.items;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'story.created',
      'story.created',
      'story.created',
    ]);
  });

  it('refuses the whole import when one story is bad, naming it, and writes nothing', async () => {
    const before = (await team.po.get(`${base}/events?limit=1`)).body.lastSeq;
    expectInvalid(
      await team.po.post(`${base}/stories/import`, { stories: [{ title: 'Fine' }, { title: '' }] }),
      'stories.1.title',
    );
    expectInvalid(await team.po.post(`${base}/stories/import`, { stories: [] }), 'stories');
    const tooMany = Array.from({ length: 5001 }, () => ({ title: 'x' }));
    expectInvalid(await team.po.post(`${base}/stories/import`, { stories: tooMany }), 'stories');
    const sized = await team.po.post(`${base}/stories/import`, {
      stories: [{ title: 'a' }, { title: 'b', points: 3 }],
    });
    expectRefusal(sized, 403, 'forbidden');
    expect((await team.po.get(`${base}/events?limit=1`)).body.lastSeq).toBe(before);
  });
});

describe('backlog filters', () => {
  it('filters by text, label, assignee and type', async () => {
    const other = await t.projectWithTeam();
    const b = `/api/projects/${other.key}`;
    const add = async (body: Record<string, unknown>) =>
      (await other.po.post(`${b}/stories`, body)).body.story;
    const search = await add({ title: 'Search by name', labels: ['search'] });
    const bug = await add({ title: 'Crash on checkout', type: 'bug' });
    const assigned = await add({ title: 'Wishlist' });
    await other.dev.patch(`${b}/stories/${assigned.key}`, { version: 1, assigneeId: other.dev.user!.id });
    const keys = async (query: string) =>
      (await other.po.get(`${b}/backlog?${query}`)).body.items.map((s: { key: string }) => s.key);
    expect(await keys('q=search')).toEqual([search.key]);
    expect(await keys(`q=${bug.key}`)).toEqual([bug.key]);
    expect(await keys('label=search')).toEqual([search.key]);
    expect(await keys('type=bug')).toEqual([bug.key]);
    expect(await keys(`assignee=${other.dev.user!.id}`)).toEqual([assigned.key]);
    expect(await keys('q=100%25')).toEqual([]);
    expectInvalid(await other.po.get(`${b}/backlog?type=epic`), 'type');
  });
});
