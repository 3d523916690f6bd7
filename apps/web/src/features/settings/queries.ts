import { queryOptions } from '@tanstack/react-query';
import { importReportResponse, importResponse, type ImportFormat } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath, queryString } from '../../shared/api/paths';

/** What each format is sent as: the server reads the body as the file itself. */
const CONTENT_TYPE: Record<ImportFormat, string> = {
  'jira-csv': 'text/csv',
  'jira-json': 'application/json',
  ordo: 'application/json',
};

/** The format a file most likely is, from its name (the person can change it). */
export const guessFormat = (fileName: string): ImportFormat =>
  fileName.toLowerCase().endsWith('.json') ? 'jira-json' : 'jira-csv';

const upload = (projectKey: string, file: File, format: ImportFormat, dryRun: boolean) => ({
  path: `${projectPath(projectKey)}/imports${queryString({ format, dryRun: String(dryRun) })}`,
  options: { method: 'POST' as const, body: file, contentType: CONTENT_TYPE[format] },
});

/** The dry run: the report of what the import would do; nothing is written. */
export async function checkImport(projectKey: string, file: File, format: ImportFormat) {
  const { path, options } = upload(projectKey, file, format, true);
  return (await request(path, importReportResponse, options)).report;
}

/** The import itself: the server answers a running job at once. */
export async function startImport(projectKey: string, file: File, format: ImportFormat) {
  const { path, options } = upload(projectKey, file, format, false);
  return (await request(path, importResponse, options)).import;
}

const POLL_MS = 400;

/** A running import's job, asked for again while it runs (its progress), then left alone. */
export const importJobQuery = (projectKey: string, id: string) =>
  queryOptions({
    queryKey: ['imports', projectKey, id],
    queryFn: async () => (await request(`${projectPath(projectKey)}/imports/${id}`, importResponse)).import,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? POLL_MS : false),
  });

export const exportUrl = (projectKey: string, format: 'json' | 'csv') =>
  `/api${projectPath(projectKey)}/export${format === 'csv' ? '.csv' : ''}`;
