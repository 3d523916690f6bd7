import { z } from 'zod';
import {
  backlogQuery,
  keyParams,
  rankBody,
  storyListResponse,
  storyResponse,
  storySummaryListResponse,
  summarizeStory,
} from '@ordo/domain';
import type { App } from '../../types';
import { toStory } from '../stories/queries';
import { listBacklog } from './queries';
import { rankStory } from './service';

export default async function backlogRoutes(app: App) {
  const db = app.database.db;

  app.get(
    '/api/projects/:key/backlog',
    {
      config: { action: 'project.read' },
      schema: {
        tags: ['backlog'],
        params: keyParams,
        querystring: backlogQuery,
        response: { 200: z.union([storyListResponse, storySummaryListResponse]) },
      },
    },
    async (request, reply) => {
      const rows = await listBacklog(db, request.scope.project.id, request.query, request.scope.project.key);
      const stories = rows.map((row) => toStory(row, request.scope.project.key));
      // The items are built by the typed mappers above, field for field: the plain JSON encoder writes a
      // 50,000-story backlog several times faster than the schema-driven one.
      reply.serializer(JSON.stringify);
      return request.query.view === 'summary' ? { items: stories.map(summarizeStory) } : { items: stories };
    },
  );

  app.post(
    '/api/projects/:key/backlog/rank',
    {
      config: { action: 'backlog.rank' },
      schema: { tags: ['backlog'], params: keyParams, body: rankBody, response: { 200: storyResponse } },
    },
    async (request) => ({
      story: await rankStory(db, request.scope, request.body),
    }),
  );
}
