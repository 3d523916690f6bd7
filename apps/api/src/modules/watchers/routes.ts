import { storyParams } from '@ordo/domain';
import type { App } from '../../types';
import { loadStory } from '../stories/queries';
import { unwatch, watch } from './queries';

const tags = ['stories'];

/** Watching a story by hand (creator, assignee and commenters watch it already): a personal choice, no event. */
export default async function watcherRoutes(app: App) {
  const db = app.database.db;
  const watchOf = async (project: { id: string; key: string }, storyKey: string, userId: string) => {
    const story = await loadStory(db, project, storyKey);
    return { projectId: project.id, storyId: story.id, userId };
  };

  app.post(
    '/api/projects/:key/stories/:story/watch',
    {
      config: { action: 'project.read' },
      schema: { tags, params: storyParams },
    },
    async (request, reply) => {
      await watch(db, await watchOf(request.scope.project, request.params.story, request.user.id));
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/projects/:key/stories/:story/watch',
    {
      config: { action: 'project.read' },
      schema: { tags, params: storyParams },
    },
    async (request, reply) => {
      await unwatch(db, await watchOf(request.scope.project, request.params.story, request.user.id));
      return reply.code(204).send();
    },
  );
}
