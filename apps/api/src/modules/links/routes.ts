import { createLinkBody, linkParams, linkResponse, storyParams } from '@ordo/domain';
import type { App } from '../../types';
import { addLink, removeLink } from './service';

const tags = ['stories'];

/** Links between stories (blocks, relates, duplicates), written by the roles that edit stories. */
export default async function linkRoutes(app: App) {
  const db = app.database.db;

  app.post(
    '/api/projects/:key/stories/:story/links',
    {
      config: { action: 'story.edit' },
      schema: { tags, params: storyParams, body: createLinkBody, response: { 201: linkResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({ link: await addLink(db, request.scope, request.params.story, request.body) }),
  );

  app.delete(
    '/api/projects/:key/stories/:story/links/:id',
    {
      config: { action: 'story.edit' },
      schema: { tags, params: linkParams },
    },
    async (request, reply) => {
      await removeLink(db, request.scope, request.params.story, request.params.id);
      return reply.code(204).send();
    },
  );
}
