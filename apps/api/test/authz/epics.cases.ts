import { newEpic } from './epic-fixture';
import type { AuthzCase } from './types';

const epicRoute = (method: string, suffix = '') => `${method} /api/projects/{key}/epics${suffix}`;

export const epicCases: AuthzCase[] = [
  { route: epicRoute('GET'), action: 'project.read', request: async (f) => ({ path: `${f.base}/epics` }) },
  {
    route: epicRoute('POST'),
    action: 'epic.manage',
    request: async (f) => ({
      path: `${f.base}/epics`,
      body: { title: 'Checkout', targetDate: '2030-01-31' },
    }),
  },
  {
    route: epicRoute('GET', '/{epic}'),
    action: 'project.read',
    request: async (f) => ({ path: `${f.base}/epics/${await newEpic(f)}` }),
  },
  {
    route: epicRoute('PATCH', '/{epic}'),
    action: 'epic.manage',
    request: async (f) => ({ path: `${f.base}/epics/${await newEpic(f)}`, body: { status: 'in_progress' } }),
  },
  {
    route: epicRoute('DELETE', '/{epic}'),
    action: 'epic.manage',
    request: async (f) => ({ path: `${f.base}/epics/${await newEpic(f)}` }),
  },
];
