import type { AuthzCase } from './types';

const read = (route: string, path: (base: string) => string): AuthzCase => ({
  route: `GET /api/projects/{key}${route}`,
  action: 'project.read',
  request: async (f) => ({ path: path(f.base) }),
});
const storyRoute = (method: string, suffix = '') => `${method} /api/projects/{key}/stories/{story}${suffix}`;

export const foundationCases: AuthzCase[] = [
  read('', (b) => b),
  read('/members', (b) => `${b}/members`),
  read('/statuses', (b) => `${b}/statuses`),
  read('/backlog', (b) => `${b}/backlog`),
  read('/events', (b) => `${b}/events?since=0`),
  read('/activity', (b) => `${b}/activity?kind=story`),
  {
    route: 'PATCH /api/projects/{key}',
    action: 'project.settings',
    request: async (f) => ({ path: f.base, body: { description: 'Changed' } }),
  },
  {
    route: 'PUT /api/projects/{key}/vision',
    action: 'vision.edit',
    request: async (f) => ({ path: `${f.base}/vision`, body: { vision: 'A vision' } }),
  },
  {
    route: 'POST /api/projects/{key}/members',
    action: 'members.manage',
    request: async (f) => {
      const newcomer = await f.t.register('Newcomer');
      return { path: `${f.base}/members`, body: { email: newcomer.user!.email, roles: ['developer'] } };
    },
  },
  {
    route: 'PATCH /api/projects/{key}/members/{userId}',
    action: 'members.manage',
    request: async (f) => {
      const newcomer = await f.t.register('Newcomer');
      await f.admin.post(`${f.base}/members`, { email: newcomer.user!.email, roles: ['developer'] });
      return { path: `${f.base}/members/${newcomer.user!.id}`, body: { roles: ['scrum_master'] } };
    },
  },
  {
    route: 'DELETE /api/projects/{key}/members/{userId}',
    action: 'members.manage',
    request: async (f) => {
      const newcomer = await f.t.register('Newcomer');
      await f.admin.post(`${f.base}/members`, { email: newcomer.user!.email, roles: ['developer'] });
      return { path: `${f.base}/members/${newcomer.user!.id}` };
    },
  },
  {
    route: 'POST /api/projects/{key}/stories',
    action: 'story.create',
    request: async (f) => ({ path: `${f.base}/stories`, body: { title: 'A new story' } }),
  },
  {
    route: 'POST /api/projects/{key}/stories',
    name: 'with an estimate',
    action: 'story.estimate',
    request: async (f) => ({ path: `${f.base}/stories`, body: { title: 'Estimated', points: 3 } }),
  },
  {
    route: 'POST /api/projects/{key}/stories/import',
    action: 'story.create',
    request: async (f) => ({
      path: `${f.base}/stories/import`,
      body: { stories: [{ title: 'Imported' }, { title: 'Also' }] },
    }),
  },
  {
    route: 'POST /api/projects/{key}/stories/import',
    name: 'with an estimate',
    action: 'story.estimate',
    request: async (f) => ({
      path: `${f.base}/stories/import`,
      body: { stories: [{ title: 'Plain' }, { title: 'Sized', points: 8 }] },
    }),
  },
  {
    route: storyRoute('GET'),
    action: 'project.read',
    request: async (f) => ({ path: `${f.base}/stories/${await f.newStory()}` }),
  },
  {
    route: storyRoute('PATCH'),
    name: 'text',
    action: 'story.edit',
    request: async (f) => ({
      path: `${f.base}/stories/${await f.newStory()}`,
      body: { version: 1, title: 'Edited' },
    }),
  },
  {
    route: storyRoute('PATCH'),
    name: 'points',
    action: 'story.estimate',
    request: async (f) => ({
      path: `${f.base}/stories/${await f.newStory()}`,
      body: { version: 1, points: 5 },
    }),
  },
  {
    route: storyRoute('PATCH'),
    name: 'epic link',
    action: 'story.link_epic',
    request: async (f) => ({
      path: `${f.base}/stories/${await f.newStory()}`,
      body: { version: 1, epicId: null },
    }),
  },
  {
    route: storyRoute('PATCH'),
    name: 'status',
    action: 'story.transition',
    request: async (f) => {
      const [, doing] = await f.statuses();
      return { path: `${f.base}/stories/${await f.newStory()}`, body: { version: 1, statusId: doing!.id } };
    },
  },
  {
    route: storyRoute('PATCH'),
    name: 'assignee',
    action: 'story.assign',
    request: async (f) => ({
      path: `${f.base}/stories/${await f.newStory()}`,
      body: { version: 1, assigneeId: f.team.dev.user!.id },
    }),
  },
  {
    route: storyRoute('DELETE'),
    action: 'story.delete',
    request: async (f) => ({ path: `${f.base}/stories/${await f.newStory()}` }),
  },
  {
    route: storyRoute('POST', '/restore'),
    action: 'story.delete',
    request: async (f) => {
      const key = await f.newStory();
      await f.admin.delete(`${f.base}/stories/${key}`);
      return { path: `${f.base}/stories/${key}/restore` };
    },
  },
  {
    route: storyRoute('POST', '/accept'),
    action: 'story.accept',
    request: async (f) => ({ path: `${f.base}/stories/${await f.doneStory()}/accept` }),
  },
  {
    route: storyRoute('POST', '/reject'),
    action: 'story.accept',
    request: async (f) => ({
      path: `${f.base}/stories/${await f.doneStory()}/reject`,
      body: { reason: 'Not yet' },
    }),
  },
  {
    route: storyRoute('GET', '/history'),
    action: 'project.read',
    request: async (f) => ({ path: `${f.base}/stories/${await f.newStory()}/history` }),
  },
  {
    route: storyRoute('GET', '/comments'),
    action: 'project.read',
    request: async (f) => ({ path: `${f.base}/stories/${await f.newStory()}/comments` }),
  },
  {
    route: storyRoute('POST', '/comments'),
    action: 'comment.create',
    request: async (f) => ({
      path: `${f.base}/stories/${await f.newStory()}/comments`,
      body: { body: 'Looks good' },
    }),
  },
  {
    route: 'POST /api/projects/{key}/backlog/rank',
    action: 'backlog.rank',
    request: async (f) => {
      const [a, b] = [await f.newStory(), await f.newStory()];
      return { path: `${f.base}/backlog/rank`, body: { story: b, before: a } };
    },
  },
];
