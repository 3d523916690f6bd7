import type { FastifyRequest } from 'fastify';
import {
  actionsForStoryFields,
  createStoryBody,
  importStoriesBody,
  storyListResponse,
  type CreateStory,
  eventsResponse,
  keyParams,
  rejectBody,
  storyParams,
  storyResponse,
  updateStoryBody,
} from '@ordo/domain';
import { assertCan } from '../../plugins/project-access';
import type { App } from '../../types';
import { withBacklogPositions } from '../../lib/backlog-positions';
import { lastSeqOf, storyHistory } from '../events/queries';
import { loadStory } from './queries';
import { createStories } from './create';
import { acceptStory, rejectStory, setDeleted, updateStory } from './service';

/** Creating needs `story.create`, plus the estimate or epic-link role for stories that set those. */
function assertCanCreate(request: FastifyRequest, stories: CreateStory[]) {
  const actions = new Set(stories.flatMap((story) => actionsForStoryFields(story, 'story.create')));
  for (const action of actions) assertCan(request.scope.roles, action);
}
const tags = ['stories'];

export default async function storyRoutes(app: App) {
  const db = app.database.db;

  app.post(
    '/api/projects/:key/stories',
    {
      config: { action: 'story.create' },
      schema: { tags, params: keyParams, body: createStoryBody, response: { 201: storyResponse } },
    },
    async (request, reply) => {
      assertCanCreate(request, [request.body]);
      const [story] = await createStories(db, request.scope, [request.body]);
      return reply.code(201).send({ story: story! });
    },
  );

  app.post(
    '/api/projects/:key/stories/import',
    {
      config: { action: 'story.create' },
      schema: { tags, params: keyParams, body: importStoriesBody, response: { 201: storyListResponse } },
    },
    async (request, reply) => {
      assertCanCreate(request, request.body.stories);
      return reply.code(201).send({ items: await createStories(db, request.scope, request.body.stories) });
    },
  );

  app.patch(
    '/api/projects/:key/stories/:story',
    {
      config: { action: 'story.edit' },
      schema: { tags, params: storyParams, body: updateStoryBody, response: { 200: storyResponse } },
    },
    async (request) => {
      for (const action of actionsForStoryFields(request.body, 'story.edit'))
        assertCan(request.scope.roles, action);
      return { story: await updateStory(db, request.scope, request.params.story, request.body) };
    },
  );

  app.delete(
    '/api/projects/:key/stories/:story',
    {
      config: { action: 'story.delete' },
      schema: { tags, params: storyParams, response: { 200: storyResponse } },
    },
    async (request) => ({ story: await setDeleted(db, request.scope, request.params.story, true) }),
  );

  app.post(
    '/api/projects/:key/stories/:story/restore',
    {
      config: { action: 'story.delete' },
      schema: { tags, params: storyParams, response: { 200: storyResponse } },
    },
    async (request) => ({ story: await setDeleted(db, request.scope, request.params.story, false) }),
  );

  app.post(
    '/api/projects/:key/stories/:story/accept',
    {
      config: { action: 'story.accept' },
      schema: { tags, params: storyParams, response: { 200: storyResponse } },
    },
    async (request) => ({ story: await acceptStory(db, request.scope, request.params.story) }),
  );

  app.post(
    '/api/projects/:key/stories/:story/reject',
    {
      config: { action: 'story.accept' },
      schema: { tags, params: storyParams, body: rejectBody, response: { 200: storyResponse } },
    },
    async (request) => ({
      story: await rejectStory(db, request.scope, request.params.story, request.body.reason),
    }),
  );

  app.get(
    '/api/projects/:key/stories/:story/history',
    {
      config: { action: 'project.read' },
      schema: { tags, params: storyParams, response: { 200: eventsResponse } },
    },
    async (request) => {
      const story = await loadStory(db, request.scope.project, request.params.story);
      const history = await storyHistory(db, request.scope.project.id, story.id);
      return {
        items: await withBacklogPositions(db, request.scope.project.id, story.id, history),
        lastSeq: await lastSeqOf(db, request.scope.project.id),
      };
    },
  );
}
