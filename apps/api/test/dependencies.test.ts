import { beforeAll, describe, expect, it } from 'vitest';
import { useTeam, type Team } from './harness';
import { addStory, closeSprints } from './pm-helpers';
import type { TestApp } from './harness';

let t: TestApp;
let team: Team;
let base: string;
useTeam((file) => ({ t, team, base } = file));

const linksOf = async (key: string) =>
  (await team.stakeholder.get(`${base}/stories/${key}`)).body.story.links as {
    direction: string;
    conflict: boolean;
    story: { key: string };
  }[];

describe('dependency conflicts on stories', () => {
  // Velocity 10 a sprint: A lands in sprint 1, the blocker X (at 25 points, after 13 and 2) in sprint 3.
  let a: string;
  let x: string;
  beforeAll(async () => {
    await closeSprints(t, team, [10, 10, 10]);
    a = (await addStory(team, 'A', 5)).key;
    await addStory(team, 'B', 13);
    await addStory(team, 'C', 2);
    x = (await addStory(team, 'X', 5)).key;
    const linked = await team.dev.post(`${base}/stories/${x}/links`, { type: 'blocks', story: a });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
  });

  it('show on both stories while the blocker lands after the story it blocks', async () => {
    expect(await linksOf(a)).toMatchObject([{ direction: 'inward', conflict: true, story: { key: x } }]);
    expect(await linksOf(x)).toMatchObject([{ direction: 'outward', conflict: true, story: { key: a } }]);
  });

  it('go away when the PO ranks the blocker first', async () => {
    const ranked = await team.po.post(`${base}/backlog/rank`, { story: x, before: a });
    expect(ranked.status, JSON.stringify(ranked.body)).toBe(200);
    expect(await linksOf(a)).toMatchObject([{ conflict: false }]);
    expect(await linksOf(x)).toMatchObject([{ conflict: false }]);
  });
});
