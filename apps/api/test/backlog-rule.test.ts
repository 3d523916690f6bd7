import { describe, expect, it } from 'vitest';
import { compareRanks, isInBacklog, mulberry32, type Story } from '@ordo/domain';
import { useTeam, type Team } from './harness';
import { newSprint, plan } from './sprint-helpers';

let team: Team;
useTeam((file) => ({ team } = file));

/** BACKLOG_SEED replays a run with another random project. */
const SEED = Number(process.env.BACKLOG_SEED ?? 20261201);
const STORIES = 30;

describe('backlog membership', () => {
  it("lists in SQL exactly the stories the domain's isInBacklog keeps, in rank order", async () => {
    const random = mulberry32(SEED);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const base = `/api/projects/${team.key}`;
    const titles = Array.from({ length: STORIES }, (_, i) => ({ title: `Story ${i}` }));
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
    // The random project is varied enough to tell the rules apart: some stories in, some out for each reason.
    expect(expected.length).toBeGreaterThan(0);
    expect(stories.some((s) => s.deleted)).toBe(true);
    expect(stories.some((s) => s.sprintId !== null && !s.deleted)).toBe(true);
    expect(stories.some((s) => done.has(s.statusId) && s.sprintId === null && !s.deleted)).toBe(true);
  });
});
