import { newEpic } from './epic-fixture';
import type { AuthzCase } from './types';

const feedbackRoute = (method: string, suffix = '') => `${method} /api/projects/{key}/feedback${suffix}`;

export const feedbackCases: AuthzCase[] = [
  {
    route: feedbackRoute('GET'),
    action: 'project.read',
    request: async (f) => ({ path: `${f.base}/feedback?done=false` }),
  },
  {
    route: feedbackRoute('POST'),
    action: 'feedback.submit',
    request: async (f) => ({
      path: `${f.base}/feedback`,
      body: { body: 'Export to CSV', source: 'Support' },
    }),
  },
  {
    route: feedbackRoute('POST'),
    name: 'about an epic',
    action: 'feedback.submit',
    request: async (f) => ({
      path: `${f.base}/feedback`,
      body: { body: 'Faster please', epicId: await newEpic(f) },
    }),
  },
  {
    route: feedbackRoute('PATCH', '/{id}'),
    action: 'feedback.triage',
    request: async (f) => {
      const submitted = await f.admin.post(`${f.base}/feedback`, { body: 'Dark mode' });
      return {
        path: `${f.base}/feedback/${submitted.body.feedback.id}`,
        body: { epicId: await newEpic(f), done: true },
      };
    },
  },
];
