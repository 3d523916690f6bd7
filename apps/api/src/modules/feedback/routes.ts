import {
  feedbackListResponse,
  feedbackParams,
  feedbackQuery,
  feedbackResponse,
  keyParams,
  productFeedbackParams,
  productParams,
  submitFeedbackBody,
  triageFeedbackBody,
} from '@ordo/domain';
import { ownProduct, teamsProduct } from '../../lib/scope';
import type { App } from '../../types';
import { readableTeams } from '../products/queries';
import { listFeedback, toFeedback } from './queries';
import { submitFeedback, triageFeedback } from './service';

const tags = ['feedback'];

export default async function feedbackRoutes(app: App) {
  const db = app.database.db;

  // The inbox reads the same from any team of the product and from the product.
  for (const [path, params, action, productOf] of [
    ['/api/projects/:key/feedback', keyParams, 'project.read', teamsProduct],
    ['/api/products/:product/feedback', productParams, 'product.read', ownProduct],
  ] as const)
    app.get(
      path,
      {
        config: { action },
        schema: { tags, params, querystring: feedbackQuery, response: { 200: feedbackListResponse } },
      },
      async (request) => {
        const productId = productOf(request);
        const teams = await readableTeams(db, productId, request.user.id);
        const readable = new Set(teams.map((team) => team.id));
        const rows = await listFeedback(db, productId, request.query, readable);
        return { items: rows.map(toFeedback) };
      },
    );

  app.post(
    '/api/projects/:key/feedback',
    {
      config: { action: 'feedback.submit' },
      schema: { tags, params: keyParams, body: submitFeedbackBody, response: { 201: feedbackResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({ feedback: await submitFeedback(db, request.scope, request.body) }),
  );

  app.patch(
    '/api/projects/:key/feedback/:id',
    {
      config: { action: 'feedback.triage' },
      schema: { tags, params: feedbackParams, body: triageFeedbackBody, response: { 200: feedbackResponse } },
    },
    async (request) => ({
      feedback: await triageFeedback(db, request.scope, request.params.id, request.body),
    }),
  );

  // Feedback sent from the product (`/api/products/:product/feedback`): same body and codes.
  app.post(
    '/api/products/:product/feedback',
    {
      config: { action: 'feedback.submit' },
      schema: { tags, params: productParams, body: submitFeedbackBody, response: { 201: feedbackResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({ feedback: await submitFeedback(db, request.productScope, request.body) }),
  );

  // The PM triages from the product too: the change is logged in the story's team when it names a story.
  app.patch(
    '/api/products/:product/feedback/:id',
    {
      config: { action: 'feedback.triage' },
      schema: {
        tags,
        params: productFeedbackParams,
        body: triageFeedbackBody,
        response: { 200: feedbackResponse },
      },
    },
    async (request) => ({
      feedback: await triageFeedback(db, request.productScope, request.params.id, request.body),
    }),
  );
}
