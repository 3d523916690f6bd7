import { describe, expect, it } from 'vitest';
import { useTeam, type Client, type Team } from './harness';
import { expectInvalid } from './expect';
import { sameTeamNewProject } from './finding-helpers';
import { day, moveTo, newSprint, newStory, plan, statusIds } from './sprint-helpers';

let team: Team;
let base: string;
useTeam((file) => ({ team, base } = file));

const keysOf = (reply: { body: { items: { key: string }[] } }) => reply.body.items.map((s) => s.key);

/** Every page of a list, following `nextCursor`; `between` runs after each page (to change the list). */
async function allPages(
  client: Client,
  path: string,
  between: (page: number) => Promise<void> = async () => {},
) {
  const keys: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const reply: { status: number; body: any } = await client.get(
      `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    keys.push(...keysOf(reply));
    cursor = reply.body.nextCursor;
    if (!cursor) return keys;
    await between(page);
  }
  throw new Error('more than 50 pages');
}

describe('all stories of a project', () => {
  it('lists done stories, stories in sprints and backlog stories; deleted ones only in the trash', async () => {
    const p = await sameTeamNewProject(team);
    const b = p.base;
    const ids = await statusIds(p.admin, b);
    const [backlog, planned, done, deleted] = [
      await newStory(p.admin, b, { title: 'Backlog one' }),
      await newStory(p.admin, b, { title: 'Planned one' }),
      await newStory(p.admin, b, { title: 'Done one' }),
      await newStory(p.admin, b, { title: 'Deleted one' }),
    ];
    await plan(p.admin, b, await newSprint(p.admin, b), [planned]);
    await moveTo(p.admin, b, done, ids.Done!);
    await p.po.delete(`${b}/stories/${deleted}`);

    const everything = await p.stakeholder.get(`${b}/stories`);
    expect(everything.status).toBe(200);
    expect(keysOf(everything)).toEqual([backlog, planned, done]);
    expect(everything.body.nextCursor).toBeNull();
    expect(keysOf(await p.dev.get(`${b}/stories?deleted=true`))).toEqual([deleted]);
    expect(keysOf(await p.dev.get(`${b}/stories?done=true`))).toEqual([done]);
    expect(keysOf(await p.dev.get(`${b}/stories?done=false`))).toEqual([backlog, planned]);
    // The trash: restoring takes a story out of it and back into the list.
    await p.po.post(`${b}/stories/${deleted}/restore`);
    expect(keysOf(await p.dev.get(`${b}/stories?deleted=true`))).toEqual([]);
    expect(keysOf(await p.dev.get(`${b}/stories`))).toContain(deleted);
  });

  it('filters by status, sprint, epic, assignee (and nobody), label, type, text and overdue', async () => {
    const p = await sameTeamNewProject(team);
    const b = p.base;
    const ids = await statusIds(p.admin, b);
    const epic = (await p.pm.post(`${b}/epics`, { title: 'Checkout' })).body.epic.id;
    const sprint = await newSprint(p.admin, b);
    const bug = await newStory(p.admin, b, { title: 'Crash when paying', type: 'bug', labels: ['payments'] });
    const epicStory = await newStory(p.admin, b, { title: 'Gift cards', epicId: epic, dueDate: day(-3) });
    const late = await newStory(p.admin, b, { title: 'Invoices by mail', dueDate: day(-1) });
    const lateButDone = await newStory(p.admin, b, { title: 'Receipts', dueDate: day(-2) });
    const notYet = await newStory(p.admin, b, { title: 'Wishlist', dueDate: day(5) });
    await plan(p.admin, b, sprint, [bug]);
    await p.dev.patch(`${b}/stories/${late}`, { version: 1, assigneeId: p.dev.user!.id });
    await moveTo(p.admin, b, lateButDone, ids.Done!);
    await moveTo(p.admin, b, notYet, ids['In Progress']!);
    const keys = async (query: string) => {
      const reply = await p.dev.get(`${b}/stories?${query}`);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return keysOf(reply);
    };
    expect(await keys(`status=${ids['In Progress']}`)).toEqual([notYet]);
    expect(await keys(`sprint=${sprint}`)).toEqual([bug]);
    expect(await keys('sprint=none')).toEqual([epicStory, late, lateButDone, notYet]);
    expect(await keys(`epic=${epic}`)).toEqual([epicStory]);
    expect(await keys(`assignee=${p.dev.user!.id}`)).toEqual([late]);
    expect(await keys('assignee=none')).toEqual([bug, epicStory, lateButDone, notYet]);
    expect(await keys('label=payments')).toEqual([bug]);
    expect(await keys('type=bug')).toEqual([bug]);
    expect(await keys('due=overdue')).toEqual([epicStory, late]);
    expect(await keys('q=pay')).toEqual([bug]);
    expect(await keys('q=invoice')).toEqual([late]);
    expect(await keys(`q=${late}`)).toEqual([late]);
    expect(await keys(`q=${late.toLowerCase()}`)).toEqual([late]);
    expect(await keys('type=bug&sprint=none')).toEqual([]);
    expectInvalid(await p.dev.get(`${b}/stories?due=soon`), 'due');
    expectInvalid(await p.dev.get(`${b}/stories?assignee=nobody`), 'assignee');
    expectInvalid(await p.dev.get(`${b}/stories?done=yes`), 'done');
  });

  it('sorts by rank, last update, creation and due date', async () => {
    const p = await sameTeamNewProject(team);
    const b = p.base;
    const first = await newStory(p.admin, b, { title: 'First', dueDate: day(9) });
    const second = await newStory(p.admin, b, { title: 'Second' });
    const third = await newStory(p.admin, b, { title: 'Third', dueDate: day(2) });
    await p.po.post(`${b}/backlog/rank`, { story: third, before: first });
    await p.dev.patch(`${b}/stories/${second}`, { version: 1, title: 'Second, edited' });
    const keys = async (sort: string) => keysOf(await p.dev.get(`${b}/stories?sort=${sort}`));
    expect(await keys('rank')).toEqual([third, first, second]);
    expect(await keys('updated')).toEqual([second, third, first]);
    expect(await keys('created')).toEqual([third, second, first]);
    expect(await keys('due')).toEqual([third, first, second]);
    expectInvalid(await p.dev.get(`${b}/stories?sort=title`), 'sort');
  });

  for (const sort of ['rank', 'updated', 'created', 'due']) {
    it(`pages by ${sort} without repeats or gaps while stories are added and edited between pages`, async () => {
      const p = await sameTeamNewProject(team);
      const b = p.base;
      const existing: string[] = [];
      for (let i = 0; i < 12; i++)
        existing.push(await newStory(p.admin, b, { title: `Story ${i}`, dueDate: i % 3 ? day(i) : null }));
      const added: string[] = [];
      const seen = await allPages(p.dev, `${b}/stories?sort=${sort}&limit=5`, async (page) => {
        // Someone adds a story and retitles one not yet listed (which keeps its place in rank, created, due).
        added.push(await newStory(p.admin, b, { title: `Added ${page}` }));
        if (sort !== 'updated')
          await p.dev.patch(`${b}/stories/${existing[11 - page]}`, { version: 1, title: 'Retitled' });
      });
      expect(new Set(seen).size).toBe(seen.length);
      for (const key of existing) expect(seen).toContain(key);
    });
  }

  it('keeps the default page at 100 stories and refuses more than 500 or a cursor of another query or project', async () => {
    const p = await sameTeamNewProject(team);
    const b = p.base;
    await p.admin.post(`${b}/stories/import`, {
      stories: Array.from({ length: 101 }, (_, i) => ({ title: `Imported ${i}` })),
    });
    const first = await p.dev.get(`${b}/stories`);
    expect(first.body.items).toHaveLength(100);
    const cursor = encodeURIComponent(first.body.nextCursor);
    expect((await p.dev.get(`${b}/stories?cursor=${cursor}`)).body.items).toHaveLength(1);
    expect((await p.dev.get(`${b}/stories?limit=500`)).body.items).toHaveLength(101);
    expectInvalid(await p.dev.get(`${b}/stories?limit=501`), 'limit');
    expectInvalid(await p.dev.get(`${b}/stories?limit=0`), 'limit');
    expectInvalid(await p.dev.get(`${b}/stories?sort=created&cursor=${cursor}`), 'cursor');
    expectInvalid(await p.dev.get(`${b}/stories?type=bug&cursor=${cursor}`), 'cursor');
    expectInvalid(await team.admin.get(`${base}/stories?cursor=${cursor}`), 'cursor');
    expectInvalid(await p.dev.get(`${b}/stories?cursor=not-a-cursor`), 'cursor');
    const forged = Buffer.from(JSON.stringify({ f: 'x', k: ["'; drop table stories; --"] })).toString(
      'base64url',
    );
    expectInvalid(await p.dev.get(`${b}/stories?cursor=${forged}`), 'cursor');
  });

  it('answers a non-member 404 and a stranger 401', async () => {
    expect((await team.outsider.get(`${base}/stories`)).status).toBe(404);
    expect((await team.anonymous.get(`${base}/stories`)).status).toBe(401);
  });
});
