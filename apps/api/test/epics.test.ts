import { describe, expect, it } from 'vitest';
import { useFile, type Team } from './harness';
import { addStory, createEpic, eventsOf, startWithTwoProjects } from './pm-helpers';

let team: Team, other: Team;
useFile(startWithTwoProjects, (file) => ({ team, other } = file));

const epics = () => `/api/projects/${team.key}/epics`;
const EPIC_DENIED = 'Only the Product Manager can create, edit or schedule epics';

describe('epics', () => {
  it('lets the PM create an epic with defaults, at the end of the roadmap', async () => {
    const first = await createEpic(team, { title: 'Onboarding' });
    const reply = await team.pm.post(epics(), {
      title: ' Checkout ',
      outcome: 'Fewer abandoned carts',
      color: '#FF8800',
      startDate: '2025-04-01',
      targetDate: '2025-06-30',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.epic).toMatchObject({
      title: 'Checkout',
      outcome: 'Fewer abandoned carts',
      color: '#ff8800',
      startDate: '2025-04-01',
      targetDate: '2025-06-30',
      status: 'planned',
    });
    expect(reply.body.epic.rank > first.rank).toBe(true);
    const created = await eventsOf(team, 'epic.created');
    expect(created.at(-1)?.data.epic).toEqual(reply.body.epic);
  });

  it('lists epics in roadmap order to every member and reads one', async () => {
    const listed = await team.stakeholder.get(epics());
    expect(listed.status).toBe(200);
    const ranks = listed.body.items.map((e: { rank: string }) => e.rank);
    expect(ranks).toEqual([...ranks].sort());
    const one = await team.dev.get(`${epics()}/${listed.body.items[0].id}`);
    expect(one.body.epic).toEqual(listed.body.items[0]);
  });

  it('lets the PM edit and schedule an epic, logging what changed', async () => {
    const epic = await createEpic(team, { title: 'Search', startDate: '2025-05-01' });
    const reply = await team.pm.patch(`${epics()}/${epic.id}`, {
      targetDate: '2025-07-01',
      status: 'in_progress',
      outcome: '',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.epic).toMatchObject({
      startDate: '2025-05-01',
      targetDate: '2025-07-01',
      status: 'in_progress',
    });
    const [updated] = (await eventsOf(team, 'epic.updated')).slice(-1);
    expect(updated?.data).toMatchObject({
      epic: reply.body.epic,
      from: { targetDate: null, status: 'planned', outcome: '' },
    });
  });

  it('refuses a target before the start, in the body or against the stored start', async () => {
    const bad = await team.pm.post(epics(), {
      title: 'Late',
      startDate: '2025-05-02',
      targetDate: '2025-05-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.message).toContain('targetDate');
    const epic = await createEpic(team, { title: 'Later', startDate: '2025-05-02' });
    const patch = await team.pm.patch(`${epics()}/${epic.id}`, { targetDate: '2025-05-01' });
    expect(patch.status).toBe(400);
    expect(patch.body.error.details.issues[0].path).toBe('targetDate');
    const moveStart = await team.pm.patch(`${epics()}/${epic.id}`, { targetDate: '2025-05-03' });
    expect(moveStart.status).toBe(200);
    expect((await team.pm.patch(`${epics()}/${epic.id}`, { startDate: '2025-05-04' })).status).toBe(400);
    expect((await team.pm.get(`${epics()}/${epic.id}`)).body.epic).toMatchObject({
      startDate: '2025-05-02',
      targetDate: '2025-05-03',
    });
  });

  it('refuses an edit that changes nothing, and never lets the rank be edited directly', async () => {
    const epic = await createEpic(team, { title: 'Steady' });
    for (const body of [{}, { rank: 'a0' }]) {
      const reply = await team.pm.patch(`${epics()}/${epic.id}`, body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toContain('say what to change');
    }
    expect((await team.pm.get(`${epics()}/${epic.id}`)).body.epic.rank).toBe(epic.rank);
  });

  it('refuses bad fields by name', async () => {
    const reply = await team.pm.post(epics(), {
      title: '',
      color: 'blue',
      status: 'someday',
      startDate: '2025-02-30',
    });
    expect(reply.status).toBe(400);
    const paths = reply.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.title', 'body.color', 'body.status', 'body.startDate']),
    );
  });

  it('refuses the PO, the developer and the stakeholder, naming the PM', async () => {
    const epic = await createEpic(team, { title: 'Guarded' });
    for (const member of [team.po, team.dev, team.stakeholder]) {
      for (const reply of [
        await member.post(epics(), { title: 'Mine' }),
        await member.patch(`${epics()}/${epic.id}`, { title: 'Mine' }),
        await member.delete(`${epics()}/${epic.id}`),
      ]) {
        expect(reply.status).toBe(403);
        expect(reply.body.error).toMatchObject({ code: 'forbidden', message: EPIC_DENIED });
      }
    }
    expect((await team.pm.get(`${epics()}/${epic.id}`)).body.epic.title).toBe('Guarded');
  });

  it('knows no epic of another project, and tells a non-member nothing', async () => {
    const foreign = await createEpic(other, { title: 'Foreign' });
    expect((await team.pm.get(`${epics()}/${foreign.id}`)).status).toBe(404);
    expect((await team.pm.patch(`${epics()}/${foreign.id}`, { title: 'Stolen' })).status).toBe(404);
    expect((await team.pm.delete(`${epics()}/${foreign.id}`)).status).toBe(404);
    expect((await team.outsider.get(epics())).status).toBe(404);
    expect((await other.pm.get(`/api/projects/${other.key}/epics/${foreign.id}`)).body.epic.title).toBe(
      'Foreign',
    );
  });

  it('deletes an epic without losing its stories or its feedback', async () => {
    const epic = await createEpic(team, { title: 'Doomed' });
    const stories = [await addStory(team, 'Kept 1', 3, epic.id), await addStory(team, 'Kept 2', 5, epic.id)];
    const fb = await team.stakeholder.post(`/api/projects/${team.key}/feedback`, {
      body: 'Love it',
      epicId: epic.id,
    });
    const reply = await team.pm.delete(`${epics()}/${epic.id}`);
    expect(reply.status).toBe(204);
    expect((await team.pm.get(`${epics()}/${epic.id}`)).status).toBe(404);
    for (const story of stories) {
      const { body } = await team.dev.get(`/api/projects/${team.key}/stories/${story.key}`);
      expect(body.story).toMatchObject({ epicId: null, version: story.version + 1, deleted: false });
      const history = await team.dev.get(`/api/projects/${team.key}/stories/${story.key}/history`);
      expect(history.body.items.at(-1)).toMatchObject({
        type: 'story.updated',
        data: { from: { epicId: epic.id } },
      });
    }
    const inbox = await team.pm.get(`/api/projects/${team.key}/feedback`);
    expect(inbox.body.items.find((f: { id: string }) => f.id === fb.body.feedback.id)).toMatchObject({
      epicId: null,
      body: 'Love it',
    });
    const [deleted] = (await eventsOf(team, 'epic.deleted')).slice(-1);
    expect(deleted?.data).toMatchObject({ epic: { id: epic.id }, unlinkedStories: 2, unlinkedFeedback: 1 });
  });
});

describe('linking stories to epics', () => {
  it('lets the PO and the PM link, not the developer, and only to an epic of the project', async () => {
    const epic = await createEpic(team, { title: 'Linkable' });
    const foreign = await createEpic(other, { title: 'Elsewhere' });
    const story = await addStory(team, 'Unlinked', 2);
    const path = `/api/projects/${team.key}/stories/${story.key}`;
    const byDev = await team.dev.patch(path, { version: story.version, epicId: epic.id });
    expect(byDev.status).toBe(403);
    expect(byDev.body.error.message).toBe(
      'Only the Product Owner or Product Manager can link stories to epics',
    );
    const byPo = await team.po.patch(path, { version: story.version, epicId: epic.id });
    expect(byPo.body.story.epicId).toBe(epic.id);
    const byPm = await team.pm.patch(path, { version: byPo.body.story.version, epicId: null });
    expect(byPm.body.story.epicId).toBeNull();
    const cross = await team.pm.patch(path, { version: byPm.body.story.version, epicId: foreign.id });
    expect(cross.status).toBe(400);
    expect(cross.body.error.message).toContain('epicId');
  });
});

describe('the product vision', () => {
  const vision = () => `/api/projects/${team.key}/vision`;

  it('is the PM’s to write, shown with the project and logged', async () => {
    const reply = await team.pm.put(vision(), {
      vision: 'The backlog tool where PO and PM see each other’s plans.',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.project.vision).toBe('The backlog tool where PO and PM see each other’s plans.');
    expect((await team.stakeholder.get(`/api/projects/${team.key}`)).body.project.vision).toBe(
      reply.body.project.vision,
    );
    expect((await eventsOf(team, 'project.vision_updated')).at(-1)?.data.project.vision).toBe(
      reply.body.project.vision,
    );
  });

  it('refuses the PO and the developer, naming the PM', async () => {
    for (const member of [team.po, team.dev]) {
      const reply = await member.put(vision(), { vision: 'Mine now' });
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toBe('Only the Product Manager can edit the product vision');
    }
    expect((await team.pm.get(`/api/projects/${team.key}`)).body.project.vision).not.toBe('Mine now');
  });
});
