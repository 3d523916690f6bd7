import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ImportFormat, ImportJob } from '@ordo/domain';
import { describeError } from '../../shared/api/client';
import { storyCount } from '../../shared/ui/format';
import { ImportReport } from './import-report';
import { checkImport, guessFormat, importJobQuery, startImport } from './queries';

const FORMATS: [ImportFormat, string][] = [
  ['jira-csv', 'Jira CSV (Export → CSV, all fields)'],
  ['jira-json', 'Jira JSON (the REST search API’s issues)'],
  ['ordo', 'Ordo export (into an empty project)'],
];

/** A running import: its progress bar while it runs, then what it did (or why it wrote nothing). */
function ImportProgress({
  projectKey,
  started,
  onAgain,
}: {
  projectKey: string;
  started: ImportJob;
  onAgain: () => void;
}) {
  const queryClient = useQueryClient();
  const job = useQuery({ ...importJobQuery(projectKey, started.id), initialData: started }).data;
  useEffect(() => {
    if (job.state === 'done') void queryClient.invalidateQueries({ queryKey: ['project', projectKey] });
  }, [job.state, projectKey, queryClient]);
  if (job.state === 'running')
    return (
      <div className="stack" aria-live="polite">
        <label>
          Importing… {job.progress.done.toLocaleString()} of {job.progress.total.toLocaleString()}
          <progress
            aria-label="Import progress"
            max={Math.max(1, job.progress.total)}
            value={job.progress.done}
          />
        </label>
      </div>
    );
  return (
    <div className="stack" role="status">
      {job.state === 'done' && job.report ? (
        <>
          <strong>Imported {storyCount(job.report.stories)}</strong>
          <ImportReport report={job.report} />
          <Link className="btn btn-primary" to={`/projects/${projectKey}/backlog`}>
            Open the backlog
          </Link>
        </>
      ) : (
        <p className="error-text" role="alert">
          Nothing was imported: {job.error}
        </p>
      )}
      <button type="button" className="btn" onClick={onAgain}>
        Import another file
      </button>
    </div>
  );
}

/**
 * The import wizard: choose the file and its format → the dry run's report (what maps where, what is rounded
 * or skipped, who was not matched) → confirm → the progress bar → what it did. Nothing is written before the
 * confirmation, and an import that fails writes nothing at all.
 */
export function ImportWizard({ projectKey }: { projectKey: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('jira-csv');
  const check = useMutation({ mutationFn: (f: File) => checkImport(projectKey, f, format) });
  const start = useMutation({ mutationFn: (f: File) => startImport(projectKey, f, format) });
  const again = () => {
    check.reset();
    start.reset();
  };
  if (start.data) return <ImportProgress projectKey={projectKey} started={start.data} onAgain={again} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) check.mutate(file);
  };
  return (
    <form className="stack" aria-label="Import from Jira" onSubmit={submit}>
      <label>
        File to import
        <input
          type="file"
          accept=".csv,.tsv,.json,text/csv,application/json"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            if (chosen) setFormat(guessFormat(chosen.name));
            check.reset();
          }}
        />
      </label>
      <label>
        Format
        <select
          value={format}
          onChange={(e) => {
            setFormat(e.target.value as ImportFormat);
            check.reset();
          }}
        >
          {FORMATS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="submit" className="btn" disabled={!file || check.isPending}>
          {check.isPending ? 'Checking…' : 'Check the file'}
        </button>
      </div>
      {(check.isError || start.isError) && (
        <p className="error-text" role="alert">
          Nothing was imported: {describeError(check.error ?? start.error)}
        </p>
      )}
      {check.data && (
        <>
          <h4>What the import will do (nothing is written yet)</h4>
          <ImportReport report={check.data} />
          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={start.isPending}
              onClick={() => file && start.mutate(file)}
            >
              {start.isPending ? 'Uploading…' : `Import ${storyCount(check.data.stories)}`}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
