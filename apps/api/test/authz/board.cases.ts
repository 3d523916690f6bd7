import type { AuthzCase } from './types';

export const boardCases: AuthzCase[] = [
  {
    route: 'GET /api/projects/{key}/board',
    action: 'project.read',
    request: async (f) => ({ path: `${f.base}/board` }),
  },
  {
    route: 'POST /api/projects/{key}/stories/{story}/transition',
    action: 'story.transition',
    request: async (f) => {
      const [, inProgress] = await f.statuses();
      return {
        path: `${f.base}/stories/${await f.newStory()}/transition`,
        body: { statusId: inProgress!.id },
      };
    },
  },
];
