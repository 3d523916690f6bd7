import type { Readable } from 'node:stream';
import type { Db } from '@ordo/db';
import type { ImportFormat, ImportJob, ImportMapping, ImportReport, JiraIssue } from '@ordo/domain';
import type { WriteScope } from '../../lib/scope';
import { writeInProject } from '../events/log';
import type { ImportJobs } from './jobs';
import { readJiraCsv, readJiraJson, readJson } from './read-issues';
import { checkRestorable, restoreExport } from './restore';
import { planOf, writePlan } from './write-jira';

export interface ImportRequest {
  format: ImportFormat;
  dryRun: boolean;
  mapping: ImportMapping | undefined;
  body: Readable | undefined;
}

/** The file, read and checked before anything is written: a malformed one is refused here (400). */
async function readFile(db: Db, scope: WriteScope, request: ImportRequest) {
  if (request.format === 'ordo') {
    const document = await readJson(request.body);
    return { kind: 'ordo' as const, document: await checkRestorable(db, scope.project.id, document) };
  }
  const read =
    request.format === 'jira-csv' ? await readJiraCsv(request.body) : await readJiraJson(request.body);
  return { kind: 'jira' as const, ...read };
}

const withNotes = (report: ImportReport, notes: string[]): ImportReport => ({
  ...report,
  warnings: [...notes, ...report.warnings],
});

/**
 * An import: the dry run answers the report and writes nothing; a real one answers a running job at once
 * and writes everything in one project transaction (all or nothing), the plan made again under the lock.
 */
export async function runImport(
  db: Db,
  jobs: ImportJobs,
  scope: WriteScope,
  request: ImportRequest,
): Promise<{ report: ImportReport } | { job: ImportJob }> {
  const file = await readFile(db, scope, request);
  if (file.kind === 'ordo') {
    const report = file.document.report;
    if (request.dryRun) return { report };
    const job = await jobs.start(scope.project.id, scope.actor.id, 'ordo', file.document.total, (progress) =>
      // No event of its own: the restored log is the export's, so exporting again gives the same document.
      writeInProject(db, scope, async (tx, log) => {
        await restoreExport(tx, scope.project, log, file.document, progress);
        return report;
      }),
    );
    return { job };
  }
  const issues: JiraIssue[] = file.issues;
  if (request.dryRun)
    return {
      report: withNotes((await planOf(db, scope.project, issues, request.mapping)).report, file.notes),
    };
  const job = await jobs.start(scope.project.id, scope.actor.id, request.format, issues.length, (progress) =>
    writeInProject(db, scope, async (tx, log) => {
      const plan = await planOf(tx, scope.project, issues, request.mapping);
      const { changed } = await writePlan(tx, scope.project, log, plan, progress);
      const report = withNotes(plan.report, file.notes);
      const { stories, epics, sprints, comments, created, updated } = report;
      // A re-run of the same file changes nothing, and says nothing.
      if (changed > 0)
        log.append('import.completed', {
          import: { format: request.format, stories, epics, sprints, comments, created, updated },
        });
      return report;
    }),
  );
  return { job };
}
