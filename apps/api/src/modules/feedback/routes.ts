import {
  feedbackListResponse,
  feedbackParams,
  feedbackQuery,
  feedbackResponse,
  keyParams,
  submitFeedbackBody,
  triageFeedbackBody,
} from '@ordo/domain';
import type { App } from '../../types';
import { listFeedback, toFeedback } from './queries';
import { submitFeedback, triageFeedback } from './service';

const tags = ['feedback'];

export default async function feedbackRoutes(app: App) {
  const db = app.database.db;

  app.get(
    '/api/projects/:key/feedback',
    {
      config: { action: 'project.read' },
      schema: {
        tags,
        params: keyParams,
        querystring: feedbackQuery,
        response: { 200: feedbackListResponse },
      },
    },
    async (request) => {
      const rows = await listFeedback(db, request.product.id, request.query);
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
}
