import { describe, expect, it } from 'vitest';
import {
  backlogAsStoryList,
  compareRanks,
  isInBacklog,
  mulberry32,
  summarizeStory,
  type BacklogFilter,
  type Story,
} from '@ordo/domain';
import { useTeam, type Team } from './harness';
import { newSprint, plan } from './sprint-helpers';

let team: Team;
useTeam((file) => ({ team } = file));

/** Every story the All-stories query of the backlog lists, `limit` a page, following its cursors. */
async function allPages(base: string, filter: BacklogFilter, limit: number) {
  const params = Object.entries({ ...backlogAsStoryList(filter), limit: String(limit) }).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const keys: string[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams(cursor ? [...params, ['cursor', cursor]] : params).toString();
    const page: { items: Story[]; nextCursor: string | null } = (
      await team.po.get(`${base}/stories?${query}`)
    ).body;
    keys.push(...page.items.map((s) => s.key));
    cursor = page.nextCursor;
  } while (cursor);
  return keys;
}

/** BACKLOG_SEED replays a run with another random project. */
const SEED = Number(process.env.BACKLOG_SEED ?? 20261201);
const STORIES = 30;

describe('backlog membership', () => {
  it("lists in SQL exactly the stories the domain's isInBacklog keeps, in rank order", async () => {
    const random = mulberry32(SEED);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const base = `/api/projects/${team.key}`;
    // Texts, labels and criteria (some done) for the summary and the filtered list to tell apart.
    const titles = Array.from({ length: STORIES }, (_, i) => ({
      title: `Story ${i}`,
      description: `About story ${i}`,
      labels: [pick(['web', 'app'])],
      acceptanceCriteria: ['a', 'b', 'c'].slice(0, i % 4).map((text) => ({ text, done: random() < 0.5 })),
    }));
    const created = await team.po.post(`${base}/stories/import`, { stories: titles });
    const keys = (created.body.items as Story[]).map((s) => s.key);
    const statuses = (await team.po.get(`${base}/statuses`)).body.statuses as {
      id: string;
      category: string;
    }[];
    const sprint = await newSprint(team.po, base);
    for (const key of keys) {
      const roll = random();
      if (roll < 0.5)
        await team.dev.post(`${base}/stories/${key}/transition`, { statusId: pick(statuses).id });
      if (random() < 0.3) await plan(team.po, base, sprint, [key]);
      if (random() < 0.15) await team.po.delete(`${base}/stories/${key}`);
      if (random() < 0.3) await team.po.post(`${base}/backlog/rank`, { story: key, before: pick(keys) });
    }

    const stories: Story[] = [];
    for (const key of keys) stories.push((await team.po.get(`${base}/stories/${key}`)).body.story);
    const done = new Set(statuses.filter((s) => s.category === 'done').map((s) => s.id));
    const expected = stories
      .filter((s) => isInBacklog(s, done))
      .sort((a, b) => compareRanks(a.rank, b.rank))
      .map((s) => s.key);
    const backlog = (await team.po.get(`${base}/backlog`)).body.items as Story[];
    expect(backlog.map((s) => s.key)).toEqual(expected);
    // The lean shape is the domain's summary of each story, made in SQL and one mapper instead.
    const summary = (await team.po.get(`${base}/backlog?view=summary`)).body.items;
    expect(summary).toEqual(backlog.map(summarizeStory));
    expect(summary.some((s: { acceptanceCriteria: { done: number } }) => s.acceptanceCriteria.done > 0)).toBe(
      true,
    );
    // The web's first rows come from the All-stories query of the backlog: the same stories, in the same order.
    expect(await allPages(base, {}, 4)).toEqual(expected);
    const webRows = backlog.filter((s) => s.labels.includes('web')).map((s) => s.key);
    expect(webRows.length).toBeGreaterThan(0);
    expect(await allPages(base, { label: 'web' }, 3)).toEqual(webRows);
    // The random project is varied enough to tell the rules apart: some stories in, some out for each reason.
    expect(expected.length).toBeGreaterThan(0);
    expect(stories.some((s) => s.deleted)).toBe(true);
    expect(stories.some((s) => s.sprintId !== null && !s.deleted)).toBe(true);
    expect(stories.some((s) => done.has(s.statusId) && s.sprintId === null && !s.deleted)).toBe(true);
  });
});
