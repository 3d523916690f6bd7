import { useState } from 'react';
import { STATUS_CATEGORIES, statusesResponse, type Status, type StatusCategory } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';
import { useProjectCommand } from '../../shared/api/use-project-command';
import { FormDialog } from '../../shared/ui/dialog';
import { moveItem } from '../backlog/backlog-order';
import { toDraft, workflowBody, type DraftStatus } from './workflow-draft';

const CATEGORY_WORDS: Record<StatusCategory, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
};
let newRows = 0;

/** The Scrum Master's workflow: columns in order, each with its category and an optional (soft) WIP limit. */
export function WorkflowDialog({
  projectKey,
  statuses,
  onClose,
}: {
  projectKey: string;
  statuses: readonly Status[];
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<DraftStatus[]>(() => toDraft(statuses));
  const save = useProjectCommand(
    projectKey,
    () =>
      request(`${projectPath(projectKey)}/statuses`, statusesResponse, {
        method: 'PUT',
        body: workflowBody(statuses, draft),
      }),
    () => 'Board columns saved',
  );
  const edit = (i: number, change: Partial<DraftStatus>) =>
    setDraft((rows) => rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const add = () =>
    setDraft((rows) => [
      ...rows,
      { key: `new-${++newRows}`, name: 'New column', category: 'in_progress', wipLimit: null },
    ]);
  return (
    <FormDialog
      title="Board columns"
      submitLabel="Save columns"
      canSubmit={draft.every((r) => r.name.trim())}
      onSubmit={() => save.mutate()}
      onClose={onClose}
    >
      <ol className="workflow-rows">
        {draft.map((row, i) => (
          <li key={row.key} className="row">
            <input
              aria-label={`Name of column ${i + 1}`}
              value={row.name}
              maxLength={50}
              onChange={(e) => edit(i, { name: e.target.value })}
            />
            <select
              aria-label={`Kind of ${row.name}`}
              value={row.category}
              onChange={(e) => edit(i, { category: e.target.value as StatusCategory })}
            >
              {STATUS_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_WORDS[c]}
                </option>
              ))}
            </select>
            <input
              type="number"
              min={1}
              max={999}
              placeholder="No WIP limit"
              aria-label={`WIP limit of ${row.name}`}
              value={row.wipLimit ?? ''}
              onChange={(e) => edit(i, { wipLimit: e.target.value ? Number(e.target.value) : null })}
            />
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-label={`Move ${row.name} left`}
              disabled={i === 0}
              onClick={() => setDraft((rows) => moveItem(rows, i, i - 1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-label={`Remove ${row.name}`}
              disabled={draft.length === 1}
              onClick={() => setDraft((rows) => rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div>
        <button type="button" className="btn" onClick={add}>
          Add column
        </button>
      </div>
      <p className="muted">Stories of a removed column move to a remaining column of the same kind.</p>
    </FormDialog>
  );
}
