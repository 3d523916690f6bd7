import { buildRoadmap, epicResponse, keyParams, roadmapRankBody, roadmapResponse } from '@ordo/domain';
import type { App } from '../../types';
import { epicScope } from '../epics/service';
import { loadRoadmapInput } from './queries';
import { rankEpic } from './service';

const tags = ['roadmap'];
/** The forecast counts from today in UTC, the same day for every API instance. */
const today = () => new Date().toISOString().slice(0, 10);

export default async function roadmapRoutes(app: App) {
  const db = app.database.db;

  app.get(
    '/api/projects/:key/roadmap',
    {
      config: { action: 'project.read' },
      schema: { tags, params: keyParams, response: { 200: roadmapResponse } },
    },
    async (request) => buildRoadmap(await loadRoadmapInput(db, request.project, today())),
  );

  app.post(
    '/api/projects/:key/roadmap/rank',
    {
      config: { action: 'roadmap.rank' },
      schema: { tags, params: keyParams, body: roadmapRankBody, response: { 200: epicResponse } },
    },
    async (request) => ({ epic: await rankEpic(db, epicScope(request), request.body) }),
  );
}
