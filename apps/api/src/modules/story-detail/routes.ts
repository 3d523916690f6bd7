import { storyDetailResponse, storyParams } from '@ordo/domain';
import type { App } from '../../types';
import { listLinks } from '../links/queries';
import { markConflicts } from '../roadmap/service';
import { loadStory, toStory } from '../stories/queries';
import { listSubtasks } from '../subtasks/service';
import { isWatching } from '../watchers/queries';

const tags = ['stories'];

/**
 * The story page: the story with what other modules hold about it (the caller's watch, its links with the
 * roadmap's conflicts, its sub-tasks). It sits above those modules, so none of them, nor stories, depends
 * on another to show it.
 */
export default async function storyDetailRoutes(app: App) {
  const db = app.database.db;

  app.get(
    '/api/projects/:key/stories/:story',
    {
      config: { action: 'project.read' },
      schema: { tags, params: storyParams, response: { 200: storyDetailResponse } },
    },
    async (request) => {
      const row = await loadStory(db, request.scope.project, request.params.story);
      const watching = await isWatching(db, {
        projectId: request.scope.project.id,
        storyId: row.id,
        userId: request.user.id,
      });
      const key = request.params.story;
      const links = await markConflicts(
        db,
        request.scope.project.id,
        key,
        await listLinks(db, row, request.user.id),
        app.today(),
      );
      const subtasks = await listSubtasks(db, request.scope.project.id, row.id);
      return { story: { ...toStory(row, request.scope.project.key), watching, links }, subtasks, links };
    },
  );
}
