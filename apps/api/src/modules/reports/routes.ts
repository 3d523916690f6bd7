import { cumulativeFlowQuery, cumulativeFlowResponse, keyParams } from '@ordo/domain';
import type { App } from '../../types';
import { cumulativeFlowOf } from './cumulative-flow';

export default async function reportRoutes(app: App) {
  const db = app.database.db;

  app.get(
    '/api/projects/:key/reports/cumulative-flow',
    {
      config: { action: 'project.read' },
      schema: {
        tags: ['reports'],
        params: keyParams,
        querystring: cumulativeFlowQuery,
        response: { 200: cumulativeFlowResponse },
      },
    },
    async (request) => cumulativeFlowOf(db, request.scope.project.id, request.query, app.today()),
  );
}
