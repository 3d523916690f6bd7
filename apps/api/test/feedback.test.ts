import { describe, expect, it } from 'vitest';
import { useFile, type Team } from './harness';
import { addStory, createEpic, eventsOf, startWithTwoProjects } from './pm-helpers';

let team: Team, other: Team;
useFile(startWithTwoProjects, (file) => ({ team, other } = file));

const inbox = () => `/api/projects/${team.key}/feedback`;

async function submit(body: Record<string, unknown>) {
  const reply = await team.stakeholder.post(inbox(), body);
  if (reply.status !== 201) throw new Error(`feedback failed: ${JSON.stringify(reply.body)}`);
  return reply.body.feedback as { id: string };
}

describe('the feedback inbox', () => {
  it('takes feedback from any member, stakeholders included, with its source and author', async () => {
    const reply = await team.stakeholder.post(inbox(), {
      body: ' Export to CSV please ',
      source: 'Sales call, ACME',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.feedback).toMatchObject({
      body: 'Export to CSV please',
      source: 'Sales call, ACME',
      epicId: null,
      storyId: null,
      storyKey: null,
      done: false,
      author: { id: team.stakeholder.user!.id, name: 'STAKEHOLDER' },
    });
    for (const member of [team.dev, team.po, team.sm])
      expect((await member.post(inbox(), { body: 'Me too' })).status).toBe(201);
    expect((await eventsOf(team, 'feedback.submitted')).map((e) => e.data.feedback.id)).toContain(
      reply.body.feedback.id,
    );
  });

  it('lists the newest first, to every member, filtered by epic or done', async () => {
    const epic = await createEpic(team, { title: 'Reports' });
    const about = await submit({ body: 'Charts', epicId: epic.id });
    const listed = await team.dev.get(inbox());
    expect(listed.status).toBe(200);
    expect(listed.body.items[0].id).toBe(about.id);
    expect(
      (await team.pm.get(`${inbox()}?epic=${epic.id}`)).body.items.map((f: { id: string }) => f.id),
    ).toEqual([about.id]);
    const open = await team.pm.get(`${inbox()}?done=false`);
    expect(open.body.items.every((f: { done: boolean }) => !f.done)).toBe(true);
    expect((await team.pm.get(`${inbox()}?done=maybe`)).status).toBe(400);
  });

  it('lets the PM link feedback to an epic and a story and mark it done', async () => {
    const fb = await submit({ body: 'Slow checkout' });
    const epic = await createEpic(team, { title: 'Speed' });
    const story = await addStory(team, 'Cache the cart', 3);
    const reply = await team.pm.patch(`${inbox()}/${fb.id}`, { epicId: epic.id, storyId: story.id });
    expect(reply.status).toBe(200);
    expect(reply.body.feedback).toMatchObject({
      epicId: epic.id,
      storyId: story.id,
      storyKey: story.key,
      done: false,
    });
    const done = await team.pm.patch(`${inbox()}/${fb.id}`, { done: true, storyId: null });
    expect(done.body.feedback).toMatchObject({ epicId: epic.id, storyId: null, storyKey: null, done: true });
    const [updated] = (await eventsOf(team, 'feedback.updated')).slice(-1);
    expect(updated?.data).toEqual({ feedback: done.body.feedback, from: { done: false, storyId: story.id } });
    expect((await team.pm.get(`${inbox()}?done=true`)).body.items.map((f: { id: string }) => f.id)).toContain(
      fb.id,
    );
  });

  it('counts each epic’s feedback on the roadmap', async () => {
    const epic = await createEpic(team, { title: 'Counted' });
    await submit({ body: 'One', epicId: epic.id });
    const second = await submit({ body: 'Two' });
    await team.pm.patch(`${inbox()}/${second.id}`, { epicId: epic.id });
    const roadmap = await team.stakeholder.get(`/api/projects/${team.key}/roadmap`);
    const entry = roadmap.body.epics.find((e: { epic: { id: string } }) => e.epic.id === epic.id);
    expect(entry.feedbackCount).toBe(2);
  });

  it('refuses triage to everyone but the PM, naming the PM', async () => {
    const fb = await submit({ body: 'Dark mode' });
    for (const member of [team.po, team.dev, team.sm, team.stakeholder]) {
      const reply = await member.patch(`${inbox()}/${fb.id}`, { done: true });
      expect(reply.status).toBe(403);
      expect(reply.body.error).toMatchObject({
        code: 'forbidden',
        message: 'Only the Product Manager can triage feedback',
      });
    }
    expect((await team.pm.get(inbox())).body.items.find((f: { id: string }) => f.id === fb.id).done).toBe(
      false,
    );
  });

  it('refuses links to another project’s epic or story, and empty feedback, naming the field', async () => {
    const foreignEpic = await createEpic(other, { title: 'Theirs' });
    const foreignStory = await addStory(other, 'Theirs', 1);
    const cases: [Record<string, unknown>, string][] = [
      [{ body: 'x', epicId: foreignEpic.id }, 'epicId'],
      [{ body: 'x', storyId: foreignStory.id }, 'storyId'],
      [{ body: '   ' }, 'body'],
      [{ body: 'x', epicId: 'not-an-id' }, 'epicId'],
    ];
    for (const [body, field] of cases) {
      const reply = await team.stakeholder.post(inbox(), body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toContain(field);
    }
    const fb = await submit({ body: 'Mine' });
    const empty = await team.pm.patch(`${inbox()}/${fb.id}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('say what to change');
    const cross = await team.pm.patch(`${inbox()}/${fb.id}`, { storyId: foreignStory.id });
    expect(cross.status).toBe(400);
    expect(
      (await team.pm.get(inbox())).body.items.find((f: { id: string }) => f.id === fb.id).storyId,
    ).toBeNull();
  });

  it('refuses a link to a deleted story', async () => {
    const story = await addStory(team, 'Gone', 1);
    await team.po.delete(`/api/projects/${team.key}/stories/${story.key}`);
    const reply = await team.stakeholder.post(inbox(), { body: 'About the gone one', storyId: story.id });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('storyId');
  });

  it('knows no feedback of another project', async () => {
    const theirs = (await other.stakeholder.post(`/api/projects/${other.key}/feedback`, { body: 'Theirs' }))
      .body.feedback;
    expect((await team.pm.patch(`${inbox()}/${theirs.id}`, { done: true })).status).toBe(404);
    expect((await team.outsider.post(inbox(), { body: 'Let me in' })).status).toBe(404);
    expect((await team.outsider.get(inbox())).status).toBe(404);
  });
});
