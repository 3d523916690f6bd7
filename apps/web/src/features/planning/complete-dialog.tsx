import { useState } from 'react';
import type { CompleteSprint, Sprint } from '@ordo/domain';
import { FormDialog } from '../../shared/ui/dialog';

interface Props {
  sprint: Sprint;
  planned: readonly Sprint[];
  onComplete: (body: CompleteSprint) => void;
  onClose: () => void;
}

/** Completing a sprint: the unfinished stories go back to the top of the backlog, or into a planned sprint. */
export function CompleteDialog({ sprint, planned, onComplete, onClose }: Props) {
  const [moveOpenTo, setTarget] = useState<string>('backlog');
  const targets = [{ id: 'backlog', name: 'The top of the backlog' }, ...planned];
  return (
    <FormDialog
      title={`Complete ${sprint.name}`}
      submitLabel="Complete sprint"
      onSubmit={() => onComplete({ moveOpenTo })}
      onClose={onClose}
    >
      <fieldset className="stack plain">
        <legend className="muted">Where do unfinished stories go?</legend>
        {targets.map((t) => (
          <label key={t.id} className="row choice">
            <input
              type="radio"
              name="moveOpenTo"
              checked={moveOpenTo === t.id}
              onChange={() => setTarget(t.id)}
            />
            {t.name}
          </label>
        ))}
      </fieldset>
    </FormDialog>
  );
}
