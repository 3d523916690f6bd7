import type { Client } from '../harness';
import { completeRunning, runningSprint } from '../sprint-helpers';
import type { AuthzCase, AuthzFixture } from './types';

const storyRoute = (method: string, suffix: string) =>
  `${method} /api/projects/{key}/stories/{story}${suffix}`;

async function subtaskOf(f: AuthzFixture) {
  const key = await f.newStory();
  const reply = await f.admin.post(`${f.base}/stories/${key}/subtasks`, { title: 'Fixture task' });
  return { key, id: reply.body.subtask.id as string };
}

/** A comment by the caller when they may comment (members edit their own), else by the admin. */
async function commentBy(f: AuthzFixture, caller: Client | undefined) {
  const key = await f.newStory();
  const path = `${f.base}/stories/${key}/comments`;
  const own = caller ? await caller.post(path, { body: 'Mine' }) : undefined;
  const comment =
    own?.status === 201 ? own.body.comment : (await f.admin.post(path, { body: "The admin's" })).body.comment;
  return `${path}/${comment.id}`;
}

/** Finding and working: the list of all stories, sub-tasks, links, comment edits, review notes, flow. */
export const findingCases: AuthzCase[] = [
  {
    route: 'GET /api/projects/{key}/stories',
    action: 'project.read',
    request: async (f) => ({ path: `${f.base}/stories?sort=updated&limit=5&done=false` }),
  },
  {
    route: storyRoute('POST', '/subtasks'),
    action: 'story.edit',
    request: async (f) => ({
      path: `${f.base}/stories/${await f.newStory()}/subtasks`,
      body: { title: 'A task' },
    }),
  },
  {
    route: storyRoute('PATCH', '/subtasks/{id}'),
    action: 'story.edit',
    request: async (f) => {
      const { key, id } = await subtaskOf(f);
      return { path: `${f.base}/stories/${key}/subtasks/${id}`, body: { done: true, title: 'Done task' } };
    },
  },
  {
    route: storyRoute('DELETE', '/subtasks/{id}'),
    action: 'story.edit',
    request: async (f) => {
      const { key, id } = await subtaskOf(f);
      return { path: `${f.base}/stories/${key}/subtasks/${id}` };
    },
  },
  {
    route: storyRoute('POST', '/links'),
    action: 'story.edit',
    request: async (f) => ({
      path: `${f.base}/stories/${await f.newStory()}/links`,
      body: { type: 'relates', story: await f.newStory() },
    }),
  },
  {
    route: storyRoute('DELETE', '/links/{id}'),
    action: 'story.edit',
    request: async (f) => {
      const key = await f.newStory();
      const link = (
        await f.admin.post(`${f.base}/stories/${key}/links`, { type: 'blocks', story: await f.newStory() })
      ).body.link;
      return { path: `${f.base}/stories/${key}/links/${link.id}` };
    },
  },
  {
    route: storyRoute('PATCH', '/comments/{id}'),
    action: 'comment.create',
    request: async (f, caller) => ({ path: await commentBy(f, caller), body: { body: 'Edited' } }),
  },
  {
    route: storyRoute('DELETE', '/comments/{id}'),
    action: 'comment.create',
    request: async (f, caller) => ({ path: await commentBy(f, caller) }),
  },
  {
    route: 'PATCH /api/projects/{key}/sprints/{sprint}',
    name: 'review notes of a closed sprint',
    action: 'sprint.manage',
    request: async (f) => {
      const id = await runningSprint(f.admin, f.base);
      await completeRunning(f.admin, f.base);
      return { path: `${f.base}/sprints/${id}`, body: { reviewNotes: 'Reviewed with the client' } };
    },
  },
  {
    route: 'GET /api/projects/{key}/reports/cumulative-flow',
    action: 'project.read',
    request: async (f) => ({ path: `${f.base}/reports/cumulative-flow?from=2026-01-01&to=2026-01-31` }),
  },
];
