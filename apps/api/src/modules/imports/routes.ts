import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { audit } from '../../lib/audit';
import {
  importParams,
  importQuery,
  importReportResponse,
  importResponse,
  keyParams,
  MAX_IMPORT_BYTES,
} from '@ordo/domain';
import type { App } from '../../types';
import { actorOf } from '../events/log';
import { exportCsv } from './export-csv';
import { exportDocument } from './export';
import { ImportJobs } from './jobs';
import { tooLarge } from './read-body';
import { runImport } from './service';

const tags = ['import and export'];
const DRAIN_MS = 5000;
/** No type a cross-site form can send (text/plain, form encodings): a file upload always needs the page's own script. */
const FILE_TYPES = ['application/json', 'text/csv', 'text/tab-separated-values'];

export default async function importRoutes(app: App) {
  const db = app.database.db;
  /** Taking a whole project out is a security event: who, which project, from where. */
  const auditExport = (request: FastifyRequest, format: 'json' | 'csv') =>
    audit(db, {
      kind: 'export',
      actorId: request.user.id,
      subject: request.project.key,
      address: request.ip,
      data: { format },
    });
  const jobs = new ImportJobs(db);
  app.addHook('onClose', () => jobs.settle());

  // In this module only: the body is the file itself, handed to the route as a stream (never buffered here,
  // and not held to the JSON body limit); it is read, decoded and limited by the import.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/api/projects/:key/imports',
    {
      config: { action: 'project.import', rawBody: true },
      schema: {
        tags,
        summary:
          'Import a Jira CSV or JSON export, or restore an Ordo export (the file is the body, up to 100 MiB)',
        params: keyParams,
        querystring: importQuery,
        response: { 200: importReportResponse, 202: importResponse },
      },
    },
    async (request, reply) => {
      const { format, dryRun, mapping } = request.query;
      const scope = { project: request.project, actor: actorOf(request.user) };
      let result;
      try {
        if (Number(request.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES) throw tooLarge();
        result = await runImport(db, jobs, scope, {
          format,
          dryRun,
          mapping,
          body: request.body as Readable | undefined,
        });
      } catch (error) {
        // Refused before the whole file arrived (too large, malformed): the rest is read and dropped for a few
        // seconds so the client sees the answer (closing at once would reset it unread), then the connection ends.
        if (!request.raw.complete) {
          request.raw.resume();
          setTimeout(() => request.raw.destroy(), DRAIN_MS).unref();
        }
        throw error;
      }
      if ('report' in result) return reply.code(200).send({ report: result.report });
      return reply.code(202).send({ import: result.job });
    },
  );

  app.get(
    '/api/projects/:key/imports/:id',
    {
      config: { action: 'project.import' },
      schema: { tags, params: importParams, response: { 200: importResponse } },
    },
    async (request) => ({ import: await jobs.find(request.project.id, request.params.id) }),
  );

  app.get(
    '/api/projects/:key/export',
    {
      config: { action: 'project.export' },
      schema: {
        tags,
        summary: 'The whole project as one JSON document (format "ordo-export", version 1)',
        params: keyParams,
      },
    },
    async (request, reply) => {
      await auditExport(request, 'json');
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.project.key}-export.json"`)
        .send(exportDocument(db, request.project.id));
    },
  );

  app.get(
    '/api/projects/:key/export.csv',
    {
      config: { action: 'project.export' },
      schema: {
        tags,
        summary: "The project's stories as a CSV with Jira's English headers",
        params: keyParams,
      },
    },
    async (request, reply) => {
      await auditExport(request, 'csv');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.project.key}-stories.csv"`)
        .send(exportCsv(db, request.project));
    },
  );
}
