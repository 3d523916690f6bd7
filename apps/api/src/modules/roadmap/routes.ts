import {
  portfolioResponse,
  buildRoadmap,
  epicResponse,
  keyParams,
  notFound,
  productParams,
  productRoadmapParams,
  productRoadmapResponse,
  roadmapRankBody,
  roadmapResponse,
} from '@ordo/domain';
import type { App } from '../../types';
import { listEpics } from '../epics/queries';
import { portfolioOf } from './portfolio';
import { productRoadmap } from './product-roadmap';
import { productReader } from './product-teams';
import { RoadmapCache } from './cache';
import { feedbackCounts, loadRoadmapInput, roadmapVersion } from './queries';
import { rankEpic } from './service';

const tags = ['roadmap'];

export default async function roadmapRoutes(app: App) {
  const db = app.database.db;
  const cache = new RoadmapCache();

  app.get(
    '/api/projects/:key/roadmap',
    {
      config: { action: 'project.read' },
      schema: { tags, params: keyParams, response: { 200: roadmapResponse } },
    },
    async (request) => {
      const today = app.today();
      const { version, plannedVelocity } = await roadmapVersion(db, request.scope.project, today);
      return cache.get(request.scope.project.id, version, async () =>
        buildRoadmap(await loadRoadmapInput(db, { ...request.scope.project, plannedVelocity }, today)),
      );
    },
  );

  app.post(
    '/api/projects/:key/roadmap/rank',
    {
      config: { action: 'roadmap.rank' },
      schema: { tags, params: keyParams, body: roadmapRankBody, response: { 200: epicResponse } },
    },
    async (request) => ({ epic: await rankEpic(db, request.scope, request.body) }),
  );

  app.get(
    '/api/products/:product/roadmap',
    {
      config: { action: 'product.read' },
      schema: { tags, params: productRoadmapParams, response: { 200: productRoadmapResponse } },
    },
    async (request) => {
      const reader = await productReader(db, request.params.product, request.user.id);
      if (!reader) throw notFound('Product');
      const [epics, counts] = await Promise.all([
        listEpics(db, reader.product.id),
        feedbackCounts(db, reader.product.id),
      ]);
      const source = { teams: reader.teams, epics, feedbackCounts: counts, readable: reader.readable };
      return productRoadmap(db, source, app.today());
    },
  );

  app.post(
    '/api/products/:product/roadmap/rank',
    {
      config: { action: 'roadmap.rank' },
      schema: { tags, params: productParams, body: roadmapRankBody, response: { 200: epicResponse } },
    },
    async (request) => ({
      epic: await rankEpic(db, request.productScope, request.body),
    }),
  );

  app.get('/api/portfolio', { schema: { tags, response: { 200: portfolioResponse } } }, async (request) => ({
    products: await portfolioOf(db, request.user.id, app.today()),
  }));
}
