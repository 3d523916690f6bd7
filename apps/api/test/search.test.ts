import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTeam, type Team, type TestApp } from './harness';
import { expectInvalid } from './expect';
import { moveTo, newStory, statusIds } from './sprint-helpers';

let t: TestApp;
let team: Team;
let base: string;
useTeam((file) => ({ t, team, base } = file));

interface Hit {
  project: { key: string; name: string };
  story: { key: string; title: string };
  match: { kind: string; rank: number };
}
const search = async (client: Team['admin'], query: string) => {
  const reply = await client.get(`/api/search?${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.items as Hit[];
};
const keys = (hits: Hit[]) => hits.map((h) => h.story.key);
const keysOf = (stories: Hit['story'][]) => stories.map((s) => s.key);

describe('search across projects', () => {
  it('ranks a title match over a match in acceptance criteria over one in the description', async () => {
    const inText = await newStory(team.admin, base, {
      title: 'Nightly export',
      description: 'Mention the refund flow here.',
    });
    const inTitle = await newStory(team.admin, base, { title: 'Refund an order' });
    const inCriteria = await newStory(team.admin, base, {
      title: 'Order history',
      acceptanceCriteria: ['Shows each refund'],
    });
    const hits = await search(team.dev, 'q=refund');
    expect(keys(hits)).toEqual([inTitle, inCriteria, inText]);
    expect(hits[0]!.project).toEqual({ key: team.key, name: `Project ${team.key}` });
    expect(hits[0]!.match.kind).toBe('words');
  });

  it('stems English words and matches the last word as a prefix, as you type', async () => {
    const story = await newStory(team.admin, base, { title: 'Customers pay with saved cards' });
    expect(keys(await search(team.dev, 'q=paying%20customer'))).toContain(story);
    expect(keys(await search(team.dev, 'q=saved%20car'))).toContain(story);
    expect(keys(await search(team.dev, 'q=%22saved%20cards%22'))).toContain(story);
    expect(keys(await search(team.dev, 'q=saved%20-cards'))).not.toContain(story);
  });

  it('finds a story by its key first, in any case, done ones too', async () => {
    const ids = await statusIds(team.admin, base);
    const key = await newStory(team.admin, base, { title: 'Finished long ago' });
    await moveTo(team.admin, base, key, ids.Done!);
    await newStory(team.admin, base, { title: `Follow-up of ${key}` });
    const hits = await search(team.dev, `q=${key.toLowerCase()}`);
    expect(hits[0]!.story.key).toBe(key);
    expect(hits[0]!.match.kind).toBe('key');
    const backlogKeys = async (q: string) =>
      (await team.dev.get(`${base}/backlog?q=${q}`)).body.items.map((s: Hit['story']) => s.key);
    expect(await backlogKeys(key)).not.toContain(key);
    const open = await newStory(team.admin, base, { title: 'Still open' });
    expect(await backlogKeys(open)).toEqual([open]);
    expect(keysOf((await team.dev.get(`${base}/stories?q=${key}`)).body.items)).toContain(key);
  });

  it('never shows a project the caller is no member of, even by key or when it is named', async () => {
    const other = await t.projectWithTeam();
    const secret = await newStory(other.admin, `/api/projects/${other.key}`, {
      title: 'Zanzibar secret plan',
    });
    expect(await search(team.dev, 'q=zanzibar')).toEqual([]);
    expect(await search(team.dev, `q=${secret}`)).toEqual([]);
    expect(await search(team.dev, `q=zanzibar&project=${other.key}`)).toEqual([]);
    expect(keys(await search(other.stakeholder, 'q=zanzibar'))).toEqual([secret]);
    expect(keys(await search(other.dev, `q=zanzibar&project=${team.key}`))).toEqual([]);
  });

  it('narrows to one project, leaves deleted stories out and keeps to the limit', async () => {
    const gone = await newStory(team.admin, base, { title: 'Quokka tracker' });
    await team.po.delete(`${base}/stories/${gone}`);
    for (let i = 0; i < 4; i++) await newStory(team.admin, base, { title: `Quokka ${i}` });
    const hits = await search(team.dev, `q=quokka&project=${team.key}&limit=3`);
    expect(hits).toHaveLength(3);
    expect(keys(hits)).not.toContain(gone);
  });

  it('answers odd text with nothing or 400, never 500', async () => {
    for (const q of [
      '%22',
      '!!!',
      '%26%7C',
      "'%3B%20drop%20table%20stories%3B--",
      'a%3A*',
      '(((',
      'or',
      '-',
      '%5C',
      'SHOP-0',
      'the',
    ]) {
      const reply = await team.dev.get(`/api/search?q=${q}`);
      expect(reply.status, q).toBe(200);
    }
    expectInvalid(await team.dev.get(`/api/search?q=${'x'.repeat(201)}`), 'q');
    expectInvalid(await team.dev.get('/api/search?q='), 'q');
    expectInvalid(await team.dev.get('/api/search?q=x&limit=51'), 'limit');
    expectInvalid(await team.dev.get('/api/search?q=x&project=lower'), 'project');
    expect((await team.anonymous.get('/api/search?q=x')).status).toBe(401);
  });

  it('can answer a search from the GIN index, not only by reading every story', async () => {
    const plan = await t.database.db.transaction(async (tx) => {
      // With this few rows the planner rightly prefers a scan; without the scan it must find the index.
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(
        sql`explain select id from stories where search @@ to_tsquery('english', 'refund:*')`,
      );
    });
    expect(JSON.stringify(plan)).toContain('stories_search');
  });
});
