import { completeRunning, newSprint, plan, runningSprint } from '../sprint-helpers';
import type { AuthzCase, AuthzFixture } from './types';

const sprintRoute = (method: string, suffix = '') =>
  `${method} /api/projects/{key}/sprints/{sprint}${suffix}`;
const read = (suffix: string): AuthzCase => ({
  route: sprintRoute('GET', suffix),
  action: 'project.read',
  request: async (f) => ({ path: `${f.base}/sprints/${await newSprint(f.admin, f.base)}${suffix}` }),
});
/** A sprint holding one fresh story, for the routes that act on a sprint's stories. */
const plannedWithStory = async (f: AuthzFixture) => {
  const [id, key] = [await newSprint(f.admin, f.base), await f.newStory()];
  await plan(f.admin, f.base, id, [key]);
  return { id, key };
};

export const sprintCases: AuthzCase[] = [
  {
    route: 'POST /api/projects/{key}/sprints',
    action: 'sprint.manage',
    request: async (f) => ({ path: `${f.base}/sprints`, body: { name: 'Sprint' } }),
  },
  {
    route: 'GET /api/projects/{key}/sprints',
    action: 'project.read',
    request: async (f) => ({ path: `${f.base}/sprints` }),
  },
  read(''),
  read('/burndown'),
  read('/report'),
  read('/retro'),
  {
    route: 'GET /api/projects/{key}/velocity',
    action: 'project.read',
    request: async (f) => ({ path: `${f.base}/velocity` }),
  },
  {
    route: sprintRoute('PATCH'),
    action: 'sprint.manage',
    request: async (f) => ({
      path: `${f.base}/sprints/${await newSprint(f.admin, f.base)}`,
      body: { goal: 'A goal' },
    }),
  },
  {
    route: sprintRoute('POST', '/stories'),
    action: 'sprint.manage',
    request: async (f) => ({
      path: `${f.base}/sprints/${await newSprint(f.admin, f.base)}/stories`,
      body: { stories: [await f.newStory()] },
    }),
  },
  {
    route: sprintRoute('DELETE', '/stories/{story}'),
    action: 'sprint.manage',
    request: async (f) => {
      const { id, key } = await plannedWithStory(f);
      return { path: `${f.base}/sprints/${id}/stories/${key}` };
    },
  },
  {
    route: sprintRoute('POST', '/start'),
    action: 'sprint.manage',
    request: async (f) => {
      await completeRunning(f.admin, f.base);
      return { path: `${f.base}/sprints/${(await plannedWithStory(f)).id}/start` };
    },
  },
  {
    route: sprintRoute('POST', '/complete'),
    action: 'sprint.manage',
    request: async (f) => ({
      path: `${f.base}/sprints/${await runningSprint(f.admin, f.base, [await f.newStory()])}/complete`,
      body: { moveOpenTo: 'backlog' },
    }),
  },
  {
    route: sprintRoute('POST', '/retro'),
    action: 'retro.write',
    request: async (f) => ({
      path: `${f.base}/sprints/${await newSprint(f.admin, f.base)}/retro`,
      body: { kind: 'to_improve', body: 'Shorter stand-ups' },
    }),
  },
];
