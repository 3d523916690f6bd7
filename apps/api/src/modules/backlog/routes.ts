import { z } from 'zod';
import {
  backlogQuery,
  keyParams,
  rankBody,
  storyListResponse,
  storyResponse,
  storySummaryListResponse,
} from '@ordo/domain';
import type { App } from '../../types';
import { toStory } from '../stories/queries';
import { listBacklog, listBacklogSummary } from './queries';
import { rankStory } from './service';
import { toStorySummary } from './summary';

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
      const { id, key } = request.scope.project;
      // The items are built by the typed mappers, field for field: the plain JSON encoder writes a
      // 50,000-story backlog several times faster than the schema-driven one.
      reply.serializer(JSON.stringify);
      if (request.query.view === 'summary') {
        const rows = await listBacklogSummary(db, id, request.query, key);
        return { items: rows.map((row) => toStorySummary(row, key)) };
      }
      const rows = await listBacklog(db, id, request.query, key);
      return { items: rows.map((row) => toStory(row, key)) };
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
