import type { AuthzCase } from './types';

/** Every member may watch a story (a personal choice); outsiders get 404. */
export const watchCases: AuthzCase[] = ['POST', 'DELETE'].map((method) => ({
  route: `${method} /api/projects/{key}/stories/{story}/watch`,
  action: 'project.read',
  request: async (f) => ({ path: `${f.base}/stories/${await f.newStory()}/watch` }),
}));
