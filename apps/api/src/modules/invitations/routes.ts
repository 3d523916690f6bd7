import {
  acceptInvitationBody,
  acceptInvitationResponse,
  invitationParams,
  invitationResponse,
  invitation,
  inviteBody,
  keyParams,
  listOf,
  publicInvitationResponse,
  tokenParams,
} from '@ordo/domain';
import { setSessionCookie } from '../../plugins/session';
import type { App } from '../../types';
import { listPending } from './queries';
import { accept, describe, invite, revoke } from './service';

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
      reply.code(201).send({ invitation: await invite(app, request.scope, request.body) }),
  );

  app.get(
    '/api/projects/:key/invitations',
    {
      config: { action: 'members.invite' },
      schema: { tags: ['members'], params: keyParams, response: { 200: listOf(invitation) } },
    },
    async (request) => ({ items: await listPending(app.database.db, request.scope.project.id) }),
  );

  app.delete(
    '/api/projects/:key/invitations/:id',
    {
      config: { action: 'members.invite' },
      schema: { tags: ['members'], params: invitationParams },
    },
    async (request, reply) => {
      await revoke(app, request.scope.project.id, request.params.id);
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
      const { user, project, sessionToken } = await accept(app, request.params.token, request.body, {
        user: request.user ?? null,
        address: request.ip,
      });
      if (sessionToken) setSessionCookie(request, reply, sessionToken);
      return { user, project };
    },
  );
}
