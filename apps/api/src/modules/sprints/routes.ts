import {
  burndownResponse,
  completeSprintBody,
  createSprintBody,
  keyParams,
  planStoriesBody,
  retroItemBody,
  retroItemResponse,
  retroListResponse,
  sprintDetailResponse,
  sprintListResponse,
  sprintParams,
  sprintReportResponse,
  sprintResponse,
  sprintsQuery,
  sprintStoryParams,
  updateSprintBody,
  velocityResponse,
} from '@ordo/domain';
import type { App } from '../../types';
import { listSprints, loadSprint, sprintDetail } from './queries';
import { burndownOf, sprintReportOf, velocityOf } from './reports';
import { addRetroItem, listRetro } from './retro';
import { completeSprint, createSprint, planStories, startSprint, unplanStory, updateSprint } from './service';

const tags = ['sprints'];
const path = '/api/projects/:key/sprints/:sprint';

export default async function sprintRoutes(app: App) {
  const db = app.database.db;
  const sprintOf = (request: { scope: { project: { id: string } }; params: { sprint: string } }) =>
    loadSprint(db, request.scope.project.id, request.params.sprint);

  app.post(
    '/api/projects/:key/sprints',
    {
      config: { action: 'sprint.manage' },
      schema: { tags, params: keyParams, body: createSprintBody, response: { 201: sprintResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({ sprint: await createSprint(db, request.scope, request.body) }),
  );

  app.get(
    '/api/projects/:key/sprints',
    {
      config: { action: 'project.read' },
      schema: { tags, params: keyParams, querystring: sprintsQuery, response: { 200: sprintListResponse } },
    },
    async (request) => ({ items: await listSprints(db, request.scope.project.id, request.query.state) }),
  );

  app.get(
    path,
    {
      config: { action: 'project.read' },
      schema: { tags, params: sprintParams, response: { 200: sprintDetailResponse } },
    },
    async (request) => sprintDetail(db, request.scope.project, await sprintOf(request)),
  );

  app.patch(
    path,
    {
      config: { action: 'sprint.manage' },
      schema: { tags, params: sprintParams, body: updateSprintBody, response: { 200: sprintResponse } },
    },
    async (request) => ({
      sprint: await updateSprint(db, request.scope, request.params.sprint, request.body),
    }),
  );

  app.post(
    `${path}/stories`,
    {
      config: { action: 'sprint.manage' },
      schema: { tags, params: sprintParams, body: planStoriesBody, response: { 200: sprintDetailResponse } },
    },
    async (request) => planStories(db, request.scope, request.params.sprint, request.body.stories),
  );

  app.delete(
    `${path}/stories/:story`,
    {
      config: { action: 'sprint.manage' },
      schema: { tags, params: sprintStoryParams, response: { 200: sprintDetailResponse } },
    },
    async (request) => unplanStory(db, request.scope, request.params.sprint, request.params.story),
  );

  app.post(
    `${path}/start`,
    {
      config: { action: 'sprint.manage' },
      schema: { tags, params: sprintParams, response: { 200: sprintResponse } },
    },
    async (request) => ({ sprint: await startSprint(db, request.scope, request.params.sprint) }),
  );

  app.post(
    `${path}/complete`,
    {
      config: { action: 'sprint.manage' },
      schema: { tags, params: sprintParams, body: completeSprintBody, response: { 200: sprintResponse } },
    },
    async (request) => ({
      sprint: await completeSprint(db, request.scope, request.params.sprint, request.body),
    }),
  );

  app.get(
    `${path}/burndown`,
    {
      config: { action: 'project.read' },
      schema: { tags: ['reports'], params: sprintParams, response: { 200: burndownResponse } },
    },
    async (request) => burndownOf(db, request.scope.project.id, await sprintOf(request), app.today()),
  );

  app.get(
    `${path}/report`,
    {
      config: { action: 'project.read' },
      schema: { tags: ['reports'], params: sprintParams, response: { 200: sprintReportResponse } },
    },
    async (request) => sprintReportOf(db, request.scope.project.id, await sprintOf(request)),
  );

  app.get(
    '/api/projects/:key/velocity',
    {
      config: { action: 'project.read' },
      schema: { tags: ['reports'], params: keyParams, response: { 200: velocityResponse } },
    },
    async (request) => velocityOf(db, request.scope.project.id),
  );

  app.get(
    `${path}/retro`,
    {
      config: { action: 'project.read' },
      schema: { tags, params: sprintParams, response: { 200: retroListResponse } },
    },
    async (request) => ({ items: await listRetro(db, request.scope.project.id, request.params.sprint) }),
  );

  app.post(
    `${path}/retro`,
    {
      config: { action: 'retro.write' },
      schema: { tags, params: sprintParams, body: retroItemBody, response: { 201: retroItemResponse } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ item: await addRetroItem(db, request.scope, request.params.sprint, request.body) }),
  );
}
