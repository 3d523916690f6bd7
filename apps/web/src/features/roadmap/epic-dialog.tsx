import { useState } from 'react';
import { EPIC_STATUSES, epicResponse, isTargetBeforeStart, type Epic, type UpdateEpic } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';
import { useProjectCommand } from '../../shared/api/use-project-command';
import { FormDialog } from '../../shared/ui/dialog';

type EpicCommand = { command: 'save'; change: UpdateEpic } | { command: 'delete' };

/** The PM edits an epic's outcome, colour, dates and status, or deletes it (its stories stay, unlinked). */
export function EpicDialog({
  projectKey,
  epic,
  onClose,
}: {
  projectKey: string;
  epic: Epic;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState({
    ...epic,
    startDate: epic.startDate ?? '',
    targetDate: epic.targetDate ?? '',
  });
  const path = `${projectPath(projectKey)}/epics/${epic.id}`;
  const command = useProjectCommand(projectKey, async (action: EpicCommand) => {
    if (action.command === 'delete') await request(path, null, { method: 'DELETE' });
    else await request(path, epicResponse, { method: 'PATCH', body: action.change });
  });
  const set = (change: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...change }));
  const datesWrong = isTargetBeforeStart(draft.startDate || null, draft.targetDate || null);
  const save = () =>
    command.mutate({
      command: 'save',
      change: {
        title: draft.title,
        outcome: draft.outcome,
        color: draft.color,
        status: draft.status,
        startDate: draft.startDate || null,
        targetDate: draft.targetDate || null,
      },
    });
  return (
    <FormDialog
      title={`Edit ${epic.title}`}
      submitLabel="Save epic"
      canSubmit={!!draft.title.trim() && !datesWrong}
      onSubmit={save}
      onClose={onClose}
    >
      <label>
        Title
        <input
          required
          maxLength={200}
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
        />
      </label>
      <label>
        Outcome / business value
        <textarea maxLength={5000} value={draft.outcome} onChange={(e) => set({ outcome: e.target.value })} />
      </label>
      <div className="row">
        <label>
          Colour
          <input type="color" value={draft.color} onChange={(e) => set({ color: e.target.value })} />
        </label>
        <label className="spacer">
          Status
          <select value={draft.status} onChange={(e) => set({ status: e.target.value as Epic['status'] })}>
            {EPIC_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label className="spacer">
          Planned start
          <input type="date" value={draft.startDate} onChange={(e) => set({ startDate: e.target.value })} />
        </label>
        <label className="spacer">
          Target date
          <input type="date" value={draft.targetDate} onChange={(e) => set({ targetDate: e.target.value })} />
        </label>
      </div>
      {datesWrong && <p className="error-text">The target date is before the start.</p>}
      <div>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            command.mutate({ command: 'delete' });
            onClose();
          }}
        >
          Delete epic (its stories stay in the backlog)
        </button>
      </div>
    </FormDialog>
  );
}
