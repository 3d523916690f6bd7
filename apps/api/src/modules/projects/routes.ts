import {
  createProjectBody,
  keyParams,
  listOf,
  project,
  projectDetailResponse,
  projectResponse,
  statusesResponse,
  updateProjectBody,
} from '@ordo/domain';
import type { App } from '../../types';
import { actorOf } from '../../lib/scope';
import { listMyProjects, listStatuses, toProject } from './queries';
import { createProject, updateProject } from './service';

export default async function projectRoutes(app: App) {
  const db = app.database.db;

  app.post(
    '/api/projects',
    {
      schema: { tags: ['projects'], body: createProjectBody, response: { 201: projectResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({ project: await createProject(db, actorOf(request.user), request.body) }),
  );

  app.get(
    '/api/projects',
    {
      schema: { tags: ['projects'], response: { 200: listOf(project) } },
    },
    async (request) => ({ items: await listMyProjects(db, request.user.id) }),
  );

  app.get(
    '/api/projects/:key',
    {
      config: { action: 'project.read' },
      schema: { tags: ['projects'], params: keyParams, response: { 200: projectDetailResponse } },
    },
    async (request) => ({
      project: toProject(request.scope.project, request.scope.product),
      roles: [...request.scope.roles],
      statuses: await listStatuses(db, request.scope.project.id),
    }),
  );

  app.patch(
    '/api/projects/:key',
    {
      config: { action: 'project.settings' },
      schema: {
        tags: ['projects'],
        params: keyParams,
        body: updateProjectBody,
        response: { 200: projectResponse },
      },
    },
    async (request) => ({ project: await updateProject(db, request.scope, request.body) }),
  );

  app.get(
    '/api/projects/:key/statuses',
    {
      config: { action: 'project.read' },
      schema: { tags: ['workflow'], params: keyParams, response: { 200: statusesResponse } },
    },
    async (request) => ({ statuses: await listStatuses(db, request.scope.project.id) }),
  );
}
