import {
  acceptInvitationBody,
  acceptInvitationResponse,
  invitationParams,
  invitationResponse,
  invitation,
  inviteBody,
  keyParams,
  listOf,
  productInvitationParams,
  productInviteBody,
  productParams,
  publicInvitationResponse,
  tokenParams,
} from '@ordo/domain';
import { setSessionCookie } from '../../plugins/session';
import type { App } from '../../types';
import { listPending, type InvitationTarget } from './queries';
import { accept, describe, invite, revoke } from './service';

const targetOf = (
  kind: InvitationTarget['kind'],
  row: { id: string; key: string; name: string },
): InvitationTarget => ({ kind, id: row.id, key: row.key, name: row.name });

export default async function invitationRoutes(app: App) {
  app.post(
    '/api/projects/:key/invitations',
    {
      config: { action: 'members.invite' },
      schema: {
        tags: ['members'],
        params: keyParams,
        body: inviteBody,
        response: { 201: invitationResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        invitation: await invite(
          app,
          targetOf('project', request.scope.project),
          request.scope,
          request.body,
        ),
      }),
  );

  app.get(
    '/api/projects/:key/invitations',
    {
      config: { action: 'members.invite' },
      schema: { tags: ['members'], params: keyParams, response: { 200: listOf(invitation) } },
    },
    async (request) => ({ items: await listPending(app.database.db, 'project', request.scope.project.id) }),
  );

  app.delete(
    '/api/projects/:key/invitations/:id',
    {
      config: { action: 'members.invite' },
      schema: { tags: ['members'], params: invitationParams },
    },
    async (request, reply) => {
      await revoke(app, 'project', request.scope.project.id, request.params.id);
      return reply.code(204).send();
    },
  );

  // A product's invitations (product roles, held in every team of it): its admins send and revoke them.
  app.post(
    '/api/products/:product/invitations',
    {
      config: { action: 'product.manage' },
      schema: {
        tags: ['products'],
        params: productParams,
        body: productInviteBody,
        response: { 201: invitationResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        invitation: await invite(
          app,
          targetOf('product', request.productScope.product),
          request.productScope,
          request.body,
        ),
      }),
  );

  app.get(
    '/api/products/:product/invitations',
    {
      config: { action: 'product.manage' },
      schema: { tags: ['products'], params: productParams, response: { 200: listOf(invitation) } },
    },
    async (request) => ({
      items: await listPending(app.database.db, 'product', request.productScope.productId),
    }),
  );

  app.delete(
    '/api/products/:product/invitations/:id',
    {
      config: { action: 'product.manage' },
      schema: { tags: ['products'], params: productInvitationParams },
    },
    async (request, reply) => {
      await revoke(app, 'product', request.productScope.productId, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      config: { public: true },
      schema: { tags: ['members'], params: tokenParams, response: { 200: publicInvitationResponse } },
    },
    async (request) => ({ invitation: await describe(app, request.params.token) }),
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { public: true },
      schema: {
        tags: ['members'],
        params: tokenParams,
        body: acceptInvitationBody,
        response: { 200: acceptInvitationResponse },
      },
    },
    async (request, reply) => {
      const { user, joined, sessionToken } = await accept(app, request.params.token, request.body, {
        user: request.user ?? null,
        address: request.ip,
      });
      if (sessionToken) setSessionCookie(request, reply, sessionToken);
      return { user, ...joined };
    },
  );
}
