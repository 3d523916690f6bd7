import { setTimeout as delay } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import { imports, type Db } from '@ordo/db';
import { notFound, type ImportFormat, type ImportJob, type ImportReport } from '@ordo/domain';

type ImportRow = typeof imports.$inferSelect;

const toJob = (row: ImportRow): ImportJob => ({
  id: row.id,
  format: row.format,
  state: row.state,
  progress: { done: row.done, total: row.total },
  report: (row.report as ImportReport | null) ?? null,
  error: row.error,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

/**
 * Import jobs. The row is written before the import's transaction starts and once more when it ends; in
 * between, progress lives in this instance's memory (the transaction holds the project, and on PGlite the
 * only connection), so `GET .../imports/:id` answers from here first.
 */
export class ImportJobs {
  private readonly running = new Map<string, { job: ImportJob; projectId: string; work: Promise<void> }>();

  constructor(private readonly db: Db) {}

  async start(
    projectId: string,
    userId: string,
    format: ImportFormat,
    total: number,
    work: (progress: (done: number, total: number) => void) => Promise<ImportReport>,
  ): Promise<ImportJob> {
    const [row] = await this.db
      .insert(imports)
      .values({ projectId, format, total, createdBy: userId })
      .returning();
    const job = toJob(row!);
    const entry = { job, projectId, work: Promise.resolve() };
    this.running.set(job.id, entry);
    const progress = (done: number, all: number) => void (job.progress = { done, total: all });
    entry.work = work(progress)
      .then(
        (report) =>
          this.finish(projectId, job, {
            state: 'done',
            report,
            done: job.progress.total,
            total: job.progress.total,
          }),
        (error: Error) =>
          this.finish(projectId, job, {
            state: 'failed',
            error: error.message || 'the import failed',
            done: 0,
            total: job.progress.total,
          }),
      )
      // The database went away while finishing: the row stays `running`, nothing else to do here.
      .catch(() => {})
      .finally(() => this.running.delete(job.id));
    return { ...job };
  }

  private async finish(
    projectId: string,
    job: ImportJob,
    end: { state: 'done' | 'failed'; report?: ImportReport; error?: string; done: number; total: number },
  ) {
    const [row] = await this.db
      .update(imports)
      .set({
        state: end.state,
        report: end.report ?? null,
        error: end.error ?? null,
        done: end.done,
        total: end.total,
        finishedAt: new Date(),
      })
      .where(and(eq(imports.projectId, projectId), eq(imports.id, job.id)))
      .returning();
    Object.assign(job, toJob(row!));
  }

  /** The job; with `waitMs`, once it has finished, or as it stands after that long. */
  async find(projectId: string, id: string, waitMs = 0): Promise<ImportJob> {
    let live = this.running.get(id);
    if (live && live.projectId === projectId && waitMs > 0) {
      await Promise.race([live.work, delay(waitMs, undefined, { ref: false })]);
      live = this.running.get(id);
    }
    if (live && live.projectId === projectId) return { ...live.job, progress: { ...live.job.progress } };
    const [row] = await this.db
      .select()
      .from(imports)
      .where(and(eq(imports.projectId, projectId), eq(imports.id, id)));
    if (!row) throw notFound('Import');
    return toJob(row);
  }

  /** Waits for every import of this instance to finish (shutdown, tests). */
  async settle() {
    await Promise.allSettled([...this.running.values()].map((r) => r.work));
  }
}
