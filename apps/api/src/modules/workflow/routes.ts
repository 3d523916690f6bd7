import { keyParams, statusesResponse, updateStatusesBody } from '@ordo/domain';
import type { App } from '../../types';
import { updateWorkflow } from './service';

export default async function workflowRoutes(app: App) {
  const db = app.database.db;

  app.put(
    '/api/projects/:key/statuses',
    {
      config: { action: 'project.settings' },
      schema: {
        tags: ['workflow'],
        params: keyParams,
        body: updateStatusesBody,
        response: { 200: statusesResponse },
      },
    },
    async (request) => ({
      statuses: await updateWorkflow(db, request.scope, request.body),
    }),
  );
}
