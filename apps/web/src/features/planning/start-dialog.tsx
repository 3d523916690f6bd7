import { useState } from 'react';
import type { Sprint, UpdateSprint } from '@ordo/domain';
import { FormDialog } from '../../shared/ui/dialog';
import { suggestedDates } from './planning-state';

/** Starting a sprint: confirm the goal and the dates, which the API checks (1 day to 4 weeks). */
export function StartDialog({
  sprint,
  onStart,
  onClose,
}: {
  sprint: Sprint;
  onStart: (body: UpdateSprint) => void;
  onClose: () => void;
}) {
  const suggested = suggestedDates(new Date());
  const [goal, setGoal] = useState(sprint.goal);
  const [startDate, setStart] = useState(sprint.startDate ?? suggested.startDate);
  const [endDate, setEnd] = useState(sprint.endDate ?? suggested.endDate);
  return (
    <FormDialog
      title={`Start ${sprint.name}`}
      submitLabel="Start sprint"
      onSubmit={() => onStart({ goal, startDate, endDate })}
      onClose={onClose}
    >
      <label>
        Sprint goal
        <textarea
          maxLength={2000}
          value={goal}
          onChange={(e) => setGoal(e.target.value)}
          placeholder="What this sprint delivers, in one sentence"
        />
      </label>
      <div className="row">
        <label className="spacer">
          Start
          <input type="date" required value={startDate} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className="spacer">
          End
          <input
            type="date"
            required
            min={startDate}
            value={endDate}
            onChange={(e) => setEnd(e.target.value)}
          />
        </label>
      </div>
    </FormDialog>
  );
}
