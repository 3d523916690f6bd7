import { commentBody, commentListResponse, commentParams, commentResponse, storyParams } from '@ordo/domain';
import type { App } from '../../types';
import { addComment, deleteComment, editComment, listComments } from './service';

const tags = ['stories'];

/**
 * A story's comments: any member reads them, and a comment is changed or taken back by its author (or an
 * admin); the story's history keeps both.
 */
export default async function commentRoutes(app: App) {
  const db = app.database.db;

  app.get(
    '/api/projects/:key/stories/:story/comments',
    {
      config: { action: 'project.read' },
      schema: { tags, params: storyParams, response: { 200: commentListResponse } },
    },
    async (request) => ({ items: await listComments(db, request.scope.project, request.params.story) }),
  );

  app.post(
    '/api/projects/:key/stories/:story/comments',
    {
      config: { action: 'comment.create' },
      schema: { tags, params: storyParams, body: commentBody, response: { 201: commentResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({
        comment: await addComment(db, request.scope, request.params.story, request.body.body),
      }),
  );

  app.patch(
    '/api/projects/:key/stories/:story/comments/:id',
    {
      config: { action: 'comment.create' },
      schema: { tags, params: commentParams, body: commentBody, response: { 200: commentResponse } },
    },
    async (request) => ({
      comment: await editComment(
        db,
        request.scope,
        request.params.story,
        request.params.id,
        request.body.body,
      ),
    }),
  );

  app.delete(
    '/api/projects/:key/stories/:story/comments/:id',
    {
      config: { action: 'comment.create' },
      schema: { tags, params: commentParams },
    },
    async (request, reply) => {
      await deleteComment(db, request.scope, request.params.story, request.params.id);
      return reply.code(204).send();
    },
  );
}
