import {
  createSubtaskBody,
  storyParams,
  subtaskParams,
  subtaskResponse,
  updateSubtaskBody,
} from '@ordo/domain';
import type { App } from '../../types';
import { addSubtask, deleteSubtask, updateSubtask } from './service';

const tags = ['stories'];

/** A story's sub-tasks: the team's checklist, written by the roles that edit stories. */
export default async function subtaskRoutes(app: App) {
  const db = app.database.db;

  app.post(
    '/api/projects/:key/stories/:story/subtasks',
    {
      config: { action: 'story.edit' },
      schema: { tags, params: storyParams, body: createSubtaskBody, response: { 201: subtaskResponse } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ subtask: await addSubtask(db, request.scope, request.params.story, request.body) }),
  );

  app.patch(
    '/api/projects/:key/stories/:story/subtasks/:id',
    {
      config: { action: 'story.edit' },
      schema: { tags, params: subtaskParams, body: updateSubtaskBody, response: { 200: subtaskResponse } },
    },
    async (request) => ({
      subtask: await updateSubtask(db, request.scope, request.params.story, request.params.id, request.body),
    }),
  );

  app.delete(
    '/api/projects/:key/stories/:story/subtasks/:id',
    {
      config: { action: 'story.edit' },
      schema: { tags, params: subtaskParams },
    },
    async (request, reply) => {
      await deleteSubtask(db, request.scope, request.params.story, request.params.id);
      return reply.code(204).send();
    },
  );
}
