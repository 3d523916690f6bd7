import {
  addMemberBody,
  keyParams,
  listOf,
  member,
  memberParams,
  memberResponse,
  updateMemberBody,
} from '@ordo/domain';
import type { App } from '../../types';
import { listMembers } from './queries';
import { addMember, changeRoles, removeMember } from './service';

export default async function memberRoutes(app: App) {
  const db = app.database.db;

  app.get(
    '/api/projects/:key/members',
    {
      config: { action: 'project.read' },
      schema: { tags: ['members'], params: keyParams, response: { 200: listOf(member) } },
    },
    async (request) => ({ items: await listMembers(db, request.scope.project.id) }),
  );

  app.post(
    '/api/projects/:key/members',
    {
      config: { action: 'members.manage' },
      schema: {
        tags: ['members'],
        params: keyParams,
        body: addMemberBody,
        response: { 201: memberResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ member: await addMember(db, request.scope, request.body) }),
  );

  app.patch(
    '/api/projects/:key/members/:userId',
    {
      config: { action: 'members.manage' },
      schema: {
        tags: ['members'],
        params: memberParams,
        body: updateMemberBody,
        response: { 200: memberResponse },
      },
    },
    async (request) => ({
      member: await changeRoles(db, request.scope, request.params.userId, request.body.roles),
    }),
  );

  app.delete(
    '/api/projects/:key/members/:userId',
    {
      config: { action: 'members.manage' },
      schema: { tags: ['members'], params: memberParams },
    },
    async (request, reply) => {
      await removeMember(db, request.scope, request.params.userId);
      return reply.code(204).send();
    },
  );
}
