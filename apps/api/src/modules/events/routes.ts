import { activityQuery, activityResponse, eventsQuery, eventsResponse, keyParams } from '@ordo/domain';
import type { App } from '../../types';
import { lastSeqOf, readActivity, readEvents } from './queries';

export default async function eventRoutes(app: App) {
  const db = app.database.db;
  app.get(
    '/api/projects/:key/events',
    {
      config: { action: 'project.read' },
      schema: {
        tags: ['events'],
        params: keyParams,
        querystring: eventsQuery,
        response: { 200: eventsResponse },
      },
    },
    async (request) => {
      const { since, limit } = request.query;
      const [items, lastSeq] = await Promise.all([
        readEvents(db, request.scope.project.id, since, limit),
        lastSeqOf(db, request.scope.project.id),
      ]);
      return { items, lastSeq };
    },
  );

  app.get(
    '/api/projects/:key/activity',
    {
      config: { action: 'project.read' },
      schema: {
        tags: ['events'],
        params: keyParams,
        querystring: activityQuery,
        response: { 200: activityResponse },
      },
    },
    async (request) => readActivity(db, request.scope.project.id, request.query),
  );
}
