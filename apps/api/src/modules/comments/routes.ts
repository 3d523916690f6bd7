import { commentBody, commentParams, commentResponse } from '@ordo/domain';
import type { App } from '../../types';
import { deleteComment, editComment } from './service';

const tags = ['stories'];

/** A comment changed or taken back by its author (or an admin); the story's history keeps both. */
export default async function commentRoutes(app: App) {
  const db = app.database.db;

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
