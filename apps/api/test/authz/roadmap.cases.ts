import { newEpic } from './epic-fixture';
import type { AuthzCase } from './types';

export const roadmapCases: AuthzCase[] = [
  {
    route: 'GET /api/projects/{key}/roadmap',
    action: 'project.read',
    request: async (f) => ({ path: `${f.base}/roadmap` }),
  },
  {
    route: 'POST /api/projects/{key}/roadmap/rank',
    action: 'roadmap.rank',
    request: async (f) => {
      const [first, second] = [await newEpic(f, 'First'), await newEpic(f, 'Second')];
      return { path: `${f.base}/roadmap/rank`, body: { epic: second, before: first } };
    },
  },
];
