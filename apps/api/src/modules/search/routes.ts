import { keyParams, searchQuery, searchResponse, storyListQuery, storyPageResponse } from '@ordo/domain';
import type { App } from '../../types';
import { toStory } from '../stories/queries';
import { listStories } from './list';
import { searchStories } from './search';

export default async function searchRoutes(app: App) {
  const db = app.database.db;

  app.get(
    '/api/projects/:key/stories',
    {
      config: { action: 'project.read' },
      schema: {
        tags: ['stories'],
        params: keyParams,
        querystring: storyListQuery,
        response: { 200: storyPageResponse },
      },
    },
    async (request) => {
      const { rows, nextCursor } = await listStories(db, request.scope.project, request.query, app.today());
      return { items: rows.map((row) => toStory(row, request.scope.project.key)), nextCursor };
    },
  );

  app.get(
    '/api/search',
    {
      schema: { tags: ['search'], querystring: searchQuery, response: { 200: searchResponse } },
    },
    async (request) => ({ items: await searchStories(db, { userId: request.user.id, ...request.query }) }),
  );
}
