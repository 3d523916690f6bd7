import {
  boardQuery,
  boardResponse,
  keyParams,
  storyParams,
  storyResponse,
  transitionBody,
} from '@ordo/domain';
import type { App } from '../../types';
import { boardOf } from './queries';
import { transitionStory } from './service';

const tags = ['board'];

export default async function boardRoutes(app: App) {
  const db = app.database.db;

  app.get(
    '/api/projects/:key/board',
    {
      config: { action: 'project.read' },
      schema: { tags, params: keyParams, querystring: boardQuery, response: { 200: boardResponse } },
    },
    async (request) => boardOf(db, request.scope.project, request.query.assignee),
  );

  app.post(
    '/api/projects/:key/stories/:story/transition',
    {
      config: { action: 'story.transition' },
      schema: { tags, params: storyParams, body: transitionBody, response: { 200: storyResponse } },
    },
    async (request) => {
      return { story: await transitionStory(db, request.scope, request.params.story, request.body.statusId) };
    },
  );
}
