import {
  createEpicBody,
  epicListResponse,
  epicParams,
  epicResponse,
  keyParams,
  productEpicParams,
  productParams,
  updateEpicBody,
} from '@ordo/domain';
import { ownProduct, teamsProduct } from '../../lib/scope';
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

  // Epics read the same from any team of the product and from the product.
  for (const [base, params, epic, action, productOf] of [
    ['/api/projects/:key', keyParams, epicParams, 'project.read', teamsProduct],
    ['/api/products/:product', productParams, productEpicParams, 'product.read', ownProduct],
  ] as const) {
    app.get(
      `${base}/epics`,
      { config: { action }, schema: { tags, params, response: { 200: epicListResponse } } },
      async (request) => ({ items: await listEpics(db, productOf(request)) }),
    );
    app.get(
      `${base}/epics/:epic`,
      { config: { action }, schema: { tags, params: epic, response: { 200: epicResponse } } },
      async (request) => ({ epic: toEpic(await loadEpic(db, productOf(request), request.params.epic)) }),
    );
  }

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

  // The same epics from the product (`/api/products/:product/epics`): same bodies, answers and codes.
  app.post(
    '/api/products/:product/epics',
    {
      config: { action: 'epic.manage' },
      schema: { tags, params: productParams, body: createEpicBody, response: { 201: epicResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({
        epic: await createEpic(db, request.productScope, request.body),
      }),
  );

  app.patch(
    '/api/products/:product/epics/:epic',
    {
      config: { action: 'epic.manage' },
      schema: { tags, params: productEpicParams, body: updateEpicBody, response: { 200: epicResponse } },
    },
    async (request) => ({
      epic: await updateEpic(db, request.productScope, request.params.epic, request.body),
    }),
  );

  app.delete(
    '/api/products/:product/epics/:epic',
    { config: { action: 'epic.manage' }, schema: { tags, params: productEpicParams } },
    async (request, reply) => {
      await deleteEpic(db, request.productScope, request.params.epic);
      return reply.code(204).send();
    },
  );
}
