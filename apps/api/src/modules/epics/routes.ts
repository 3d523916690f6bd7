import {
  createEpicBody,
  epicListResponse,
  epicParams,
  epicResponse,
  keyParams,
  updateEpicBody,
} from '@ordo/domain';
import type { App } from '../../types';
import { listEpics, loadEpic, toEpic } from './queries';
import { createEpic, deleteEpic, updateEpic } from './service';

const tags = ['epics'];

export default async function epicRoutes(app: App) {
  const db = app.database.db;

  app.post(
    '/api/projects/:key/epics',
    {
      config: { action: 'epic.manage' },
      schema: { tags, params: keyParams, body: createEpicBody, response: { 201: epicResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({ epic: await createEpic(db, request.scope, request.body) }),
  );

  app.get(
    '/api/projects/:key/epics',
    {
      config: { action: 'project.read' },
      schema: { tags, params: keyParams, response: { 200: epicListResponse } },
    },
    async (request) => ({ items: await listEpics(db, request.product.id) }),
  );

  app.get(
    '/api/projects/:key/epics/:epic',
    {
      config: { action: 'project.read' },
      schema: { tags, params: epicParams, response: { 200: epicResponse } },
    },
    async (request) => ({ epic: toEpic(await loadEpic(db, request.product.id, request.params.epic)) }),
  );

  app.patch(
    '/api/projects/:key/epics/:epic',
    {
      config: { action: 'epic.manage' },
      schema: { tags, params: epicParams, body: updateEpicBody, response: { 200: epicResponse } },
    },
    async (request) => ({
      epic: await updateEpic(db, request.scope, request.params.epic, request.body),
    }),
  );

  app.delete(
    '/api/projects/:key/epics/:epic',
    {
      config: { action: 'epic.manage' },
      schema: { tags, params: epicParams },
    },
    async (request, reply) => {
      await deleteEpic(db, request.scope, request.params.epic);
      return reply.code(204).send();
    },
  );
}
