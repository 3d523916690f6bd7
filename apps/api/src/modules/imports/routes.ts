import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { audit } from '../../lib/audit';
import {
  IMPORT_WAIT_MS,
  importJobQuery,
  importParams,
  importQuery,
  importReportResponse,
  importResponse,
  keyParams,
  MAX_IMPORT_BYTES,
} from '@ordo/domain';
import type { Db } from '@ordo/db';
import type { App } from '../../types';
import { exportCsv } from './export-csv';
import { exportDocument } from './export';
import { ImportJobs } from './jobs';
import { tooLarge } from './read-body';
import { runImport } from './service';

const tags = ['import and export'];
const DRAIN_MS = 5000;
/** No type a cross-site form can send (text/plain, form encodings): a file upload always needs the page's own script. */
const FILE_TYPES = ['application/json', 'text/csv', 'text/tab-separated-values'];

/** The two ways out: one route shape, streamed, audited. */
const EXPORTS = [
  {
    path: '/api/projects/:key/export',
    format: 'json',
    type: 'application/json; charset=utf-8',
    file: 'export.json',
    summary: 'The whole project as one JSON document (format "ordo-export", version 1)',
    body: (db: Db, project: { id: string }) => exportDocument(db, project.id),
  },
  {
    path: '/api/projects/:key/export.csv',
    format: 'csv',
    type: 'text/csv; charset=utf-8',
    file: 'stories.csv',
    summary: "The project's stories as a CSV with Jira's English headers",
    body: (db: Db, project: { id: string; key: string }) => exportCsv(db, project),
  },
] as const;

export default async function importRoutes(app: App) {
  const db = app.database.db;
  /** Taking a whole project out is a security event: who, which project, from where. */
  const auditExport = (request: FastifyRequest, format: 'json' | 'csv') =>
    audit(db, {
      kind: 'export',
      actorId: request.user.id,
      subject: request.scope.project.key,
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
      let result;
      try {
        if (Number(request.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES) throw tooLarge();
        result = await runImport(db, jobs, request.scope, {
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
      schema: {
        tags,
        summary: 'An import and its progress (`wait=true`: once it has finished, or after 20 s)',
        params: importParams,
        querystring: importJobQuery,
        response: { 200: importResponse },
      },
    },
    async (request) => ({
      import: await jobs.find(
        request.scope.project.id,
        request.params.id,
        request.query.wait ? IMPORT_WAIT_MS : 0,
      ),
    }),
  );

  for (const out of EXPORTS)
    app.get(
      out.path,
      { config: { action: 'project.export' }, schema: { tags, summary: out.summary, params: keyParams } },
      async (request, reply) => {
        await auditExport(request, out.format);
        return reply
          .type(out.type)
          .header('content-disposition', `attachment; filename="${request.scope.project.key}-${out.file}"`)
          .send(out.body(db, request.scope.project));
      },
    );
}
