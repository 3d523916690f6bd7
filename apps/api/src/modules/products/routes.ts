import {
  keyParams,
  addProductMemberBody,
  addTeamBody,
  createProductBody,
  productDetailResponse,
  productListResponse,
  productMemberListResponse,
  productMemberParams,
  productMemberResponse,
  productParams,
  projectResponse,
  productResponse,
  teamsResponse,
  updateProductMemberBody,
  visionBody,
} from '@ordo/domain';
import type { App } from '../../types';
import { actorOf } from '../../lib/scope';
import { listMyProducts, listProductMembers, listTeams, toProduct } from './queries';
import { addProductMember, addTeam, changeProductRoles, createProduct, updateVision } from './service';

const tags = ['products'];

export default async function productRoutes(app: App) {
  const db = app.database.db;

  app.post(
    '/api/products',
    { schema: { tags, body: createProductBody, response: { 201: productResponse } } },
    async (request, reply) =>
      reply.code(201).send({ product: await createProduct(db, actorOf(request.user), request.body) }),
  );

  app.get('/api/products', { schema: { tags, response: { 200: productListResponse } } }, async (request) => ({
    items: await listMyProducts(db, request.user.id),
  }));

  app.get(
    '/api/products/:product',
    {
      config: { action: 'product.read' },
      schema: { tags, params: productParams, response: { 200: productDetailResponse } },
    },
    async (request) => ({
      product: toProduct(request.productScope.product),
      roles: [...request.productScope.roles],
      teams: await listTeams(db, request.productScope.product.id),
    }),
  );

  app.post(
    '/api/products/:product/teams',
    {
      config: { action: 'product.manage' },
      schema: { tags, params: productParams, body: addTeamBody, response: { 200: teamsResponse } },
    },
    async (request) => ({ teams: await addTeam(db, request.productScope, request.body.project) }),
  );

  app.get(
    '/api/products/:product/members',
    {
      config: { action: 'product.read' },
      schema: { tags, params: productParams, response: { 200: productMemberListResponse } },
    },
    async (request) => ({ items: await listProductMembers(db, request.productScope.product.id) }),
  );

  app.post(
    '/api/products/:product/members',
    {
      config: { action: 'product.manage' },
      schema: {
        tags,
        params: productParams,
        body: addProductMemberBody,
        response: { 201: productMemberResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ member: await addProductMember(db, request.productScope, request.body) }),
  );

  app.patch(
    '/api/products/:product/members/:userId',
    {
      config: { action: 'product.manage' },
      schema: {
        tags,
        params: productMemberParams,
        body: updateProductMemberBody,
        response: { 200: productMemberResponse },
      },
    },
    async (request) => ({
      member: await changeProductRoles(db, request.productScope, request.params.userId, request.body.roles),
    }),
  );

  app.delete(
    '/api/products/:product/members/:userId',
    { config: { action: 'product.manage' }, schema: { tags, params: productMemberParams } },
    async (request, reply) => {
      await changeProductRoles(db, request.productScope, request.params.userId, null);
      return reply.code(204).send();
    },
  );

  app.put(
    '/api/products/:product/vision',
    {
      config: { action: 'vision.edit' },
      schema: { tags, params: productParams, body: visionBody, response: { 200: productResponse } },
    },
    async (request) => ({
      product: (await updateVision(db, request.productScope, request.body.vision)).product,
    }),
  );

  // The vision is the product's, shared by its teams: a team's route changes it too (as the team reads it).
  app.put(
    '/api/projects/:key/vision',
    {
      config: { action: 'vision.edit' },
      schema: { tags: ['projects'], params: keyParams, body: visionBody, response: { 200: projectResponse } },
    },
    async (request) => ({
      project: (await updateVision(db, request.scope, request.body.vision)).project!,
    }),
  );
}
