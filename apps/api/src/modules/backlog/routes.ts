import { backlogQuery, keyParams, rankBody, storyListResponse, storyResponse } from '@ordo/domain';
import type { App } from '../../types';
import { actorOf } from '../events/log';
import { toStory } from '../stories/queries';
import { listBacklog } from './queries';
import { rankStory } from './service';

export default async function backlogRoutes(app: App) {
  const db = app.database.db;

  app.get('/api/projects/:key/backlog', {
    config: { action: 'project.read' },
    schema: { tags: ['backlog'], params: keyParams, querystring: backlogQuery, response: { 200: storyListResponse } },
  }, async (request) => {
    const rows = await listBacklog(db, request.project.id, request.query);
    return { items: rows.map((row) => toStory(row, request.project.key)) };
  });

  app.post('/api/projects/:key/backlog/rank', {
    config: { action: 'backlog.rank' },
    schema: { tags: ['backlog'], params: keyParams, body: rankBody, response: { 200: storyResponse } },
  }, async (request) => ({
    story: await rankStory(db, { project: request.project, actor: actorOf(request.user) }, request.body),
  }));
}
