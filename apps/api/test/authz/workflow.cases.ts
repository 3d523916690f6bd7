import type { AuthzCase } from './types';

export const workflowCases: AuthzCase[] = [
  {
    route: 'PUT /api/projects/{key}/statuses',
    action: 'project.settings',
    request: async (f) => {
      const statuses = await f.statuses();
      return { path: `${f.base}/statuses`, body: { statuses: statuses.map((s) => ({ ...s, wipLimit: 5 })) } };
    },
  },
];
