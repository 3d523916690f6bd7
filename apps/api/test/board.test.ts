import { beforeAll, describe, expect, it } from 'vitest';
import { useTeam, type Team, type TestApp } from './harness';
import {
  completeRunning,
  eventsSince,
  lastSeq,
  moveTo,
  newStory,
  runningSprint,
  statusIds,
} from './sprint-helpers';

let t: TestApp, team: Team, base: string;
let status: Record<string, string>;
useTeam((file) => ({ t, team, base } = file));
beforeAll(async () => {
  status = await statusIds(team.admin, base);
});

type Column = {
  status: { name: string };
  wipLimit: number | null;
  overLimit: boolean;
  stories: { key: string }[];
};
const columnsOf = async (query = '') =>
  (await team.dev.get(`${base}/board${query}`)).body.columns as Column[];
const cards = (columns: Column[]) =>
  Object.fromEntries(columns.map((c) => [c.status.name, c.stories.map((s) => s.key)]));

describe('the board', () => {
  it('shows empty workflow columns while no sprint runs', async () => {
    await completeRunning(team.sm, base);
    const board = (await team.stakeholder.get(`${base}/board`)).body;
    expect(board.sprint).toBeNull();
    expect(board.columns.map((c: Column) => [c.status.name, c.stories.length])).toEqual([
      ['To Do', 0],
      ['In Progress', 0],
      ['In Review', 0],
      ['Done', 0],
    ]);
  });

  it('shows the active sprint by column, each column in the PO’s rank order', async () => {
    const [a, b, c] = [
      await newStory(team.po, base),
      await newStory(team.po, base),
      await newStory(team.po, base),
    ];
    const sprint = await runningSprint(team.sm, base, [a, b, c]);
    await moveTo(team.dev, base, a, status['In Progress']!);
    const board = (await team.dev.get(`${base}/board`)).body;
    expect(board.sprint.id).toBe(sprint);
    expect(cards(board.columns)).toEqual({ 'To Do': [b, c], 'In Progress': [a], 'In Review': [], Done: [] });
    await team.po.post(`${base}/backlog/rank`, { story: c, before: b });
    expect(cards(await columnsOf())['To Do']).toEqual([c, b]);
  });

  it('flags a column over its WIP limit but lets the move happen', async () => {
    const workflow = (await team.sm.get(`${base}/statuses`)).body.statuses;
    const limited = workflow.map((s: { name: string }) => ({
      ...s,
      wipLimit: s.name === 'In Progress' ? 1 : null,
    }));
    expect((await team.sm.put(`${base}/statuses`, { statuses: limited })).status).toBe(200);
    const [a, b] = [await newStory(team.po, base), await newStory(team.po, base)];
    await runningSprint(team.sm, base, [a, b]);
    await moveTo(team.dev, base, a, status['In Progress']!);
    expect((await columnsOf())[1]).toMatchObject({ wipLimit: 1, overLimit: false });
    expect(
      (await team.dev.post(`${base}/stories/${b}/transition`, { statusId: status['In Progress'] })).status,
    ).toBe(200);
    expect((await columnsOf())[1]).toMatchObject({
      wipLimit: 1,
      overLimit: true,
      stories: [{ key: a }, { key: b }],
    });
  });

  it('filters the cards by assignee for the daily', async () => {
    const [mine, theirs] = [await newStory(team.po, base), await newStory(team.po, base)];
    await team.dev.patch(`${base}/stories/${mine}`, { version: 1, assigneeId: team.dev.user!.id });
    await runningSprint(team.sm, base, [mine, theirs]);
    expect(cards(await columnsOf(`?assignee=${team.dev.user!.id}`))['To Do']).toEqual([mine]);
  });

  it('names the stories not done yet that block a card, until they are done or deleted', async () => {
    const [card, api, design, copy, free] = [
      await newStory(team.po, base),
      await newStory(team.po, base),
      await newStory(team.po, base),
      await newStory(team.po, base),
      await newStory(team.po, base),
    ];
    for (const blocker of [design, api, copy])
      await team.dev.post(`${base}/stories/${blocker}/links`, { type: 'blocks', story: card });
    await team.dev.post(`${base}/stories/${free}/links`, { type: 'relates', story: card });
    await team.dev.post(`${base}/stories/${card}/links`, { type: 'blocks', story: free });
    await runningSprint(team.sm, base, [card, free]);
    const blockedBy = async () => (await team.stakeholder.get(`${base}/board`)).body.blockedBy;
    // In key order; a story it blocks, or relates to, is no blocker of it.
    expect(await blockedBy()).toEqual({ [card]: [api, design, copy], [free]: [card] });
    await moveTo(team.dev, base, api, status.Done!);
    await team.po.delete(`${base}/stories/${copy}`);
    expect(await blockedBy()).toEqual({ [card]: [design], [free]: [card] });
  });
});

describe('moving a story across the board', () => {
  it('changes its status, bumps its version and logs story.transitioned', async () => {
    const key = await newStory(team.po, base);
    const seq = await lastSeq(team.po, base);
    const reply = await team.sm.post(`${base}/stories/${key}/transition`, { statusId: status['In Review'] });
    expect(reply.status).toBe(200);
    expect(reply.body.story).toMatchObject({ key, statusId: status['In Review'], version: 2 });
    const [event] = await eventsSince(team.po, base, seq);
    expect(event).toMatchObject({
      type: 'story.transitioned',
      data: { story: { key }, from: { statusId: status['To Do'] } },
    });
  });

  it('refuses a status that is not one of the project’s, naming the field', async () => {
    const key = await newStory(team.po, base);
    const other = await t.projectWithTeam();
    const foreign = Object.values(await statusIds(other.admin, `/api/projects/${other.key}`))[0];
    for (const statusId of [foreign, crypto.randomUUID()]) {
      const reply = await team.dev.post(`${base}/stories/${key}/transition`, { statusId });
      expect([reply.status, reply.body.error.message]).toEqual([
        400,
        'statusId: is not a status of this project',
      ]);
    }
    expect((await team.dev.post(`${base}/stories/${key}/transition`, {})).status).toBe(400);
    expect(
      (await team.dev.post(`${base}/stories/${team.key}-9999/transition`, { statusId: status['Done'] }))
        .status,
    ).toBe(404);
  });

  it('takes back the acceptance of a story moved out of done', async () => {
    const key = await newStory(team.po, base);
    await moveTo(team.dev, base, key, status['Done']!);
    expect((await team.po.post(`${base}/stories/${key}/accept`)).body.story.accepted).toBe(true);
    const moved = await moveTo(team.dev, base, key, status['In Progress']!);
    expect(moved.story).toMatchObject({ accepted: false, statusId: status['In Progress'] });
  });

  it('returns a story reopened in a closed sprint to the backlog', async () => {
    const key = await newStory(team.po, base);
    await runningSprint(team.sm, base, [key]);
    await moveTo(team.dev, base, key, status['Done']!);
    await completeRunning(team.sm, base);
    const reopened = await moveTo(team.dev, base, key, status['To Do']!);
    expect(reopened.story.sprintId).toBeNull();
    const backlog = (await team.po.get(`${base}/backlog`)).body.items.map((s: { key: string }) => s.key);
    expect(backlog).toContain(key);
  });
});

describe('the PO’s acceptance', () => {
  it('refuses to accept or reject a story that is not done', async () => {
    const key = await newStory(team.po, base);
    const accepted = await team.po.post(`${base}/stories/${key}/accept`);
    expect([accepted.status, accepted.body.error.code]).toEqual([409, 'conflict']);
    expect((await team.po.post(`${base}/stories/${key}/reject`, { reason: 'No' })).status).toBe(409);
  });

  it('sends a rejected story back to the first in-progress status with the reason as a comment', async () => {
    const key = await newStory(team.po, base);
    await runningSprint(team.sm, base, [key]);
    await moveTo(team.dev, base, key, status['Done']!);
    const reply = await team.po.post(`${base}/stories/${key}/reject`, {
      reason: 'The receipt email is missing',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.story).toMatchObject({ statusId: status['In Progress'], accepted: false });
    const comments = (await team.dev.get(`${base}/stories/${key}/comments`)).body.items;
    expect(comments.at(-1).body).toContain('The receipt email is missing');
    expect(cards(await columnsOf())['In Progress']).toContain(key);
  });

  it('returns a story rejected after its sprint closed to the backlog', async () => {
    const key = await newStory(team.po, base);
    await runningSprint(team.sm, base, [key]);
    await moveTo(team.dev, base, key, status['Done']!);
    await completeRunning(team.sm, base);
    const reply = await team.po.post(`${base}/stories/${key}/reject`, { reason: 'Breaks on mobile' });
    expect(reply.body.story).toMatchObject({ sprintId: null, statusId: status['In Progress'] });
  });
});
