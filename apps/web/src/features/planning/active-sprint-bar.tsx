import { useState } from 'react';
import { Link } from 'react-router';
import type { Sprint } from '@ordo/domain';
import { ActionButton } from '../../shared/ui/action-button';
import { formatDay } from '../../shared/ui/format';
import { useCan } from '../projects/access';
import { CompleteDialog } from './complete-dialog';
import { useSprintCommand } from './use-planning';

/** The running sprint, with the way to close it. */
export function ActiveSprintBar({
  projectKey,
  sprint,
  planned,
}: {
  projectKey: string;
  sprint: Sprint;
  planned: readonly Sprint[];
}) {
  const managing = useCan('sprint.manage');
  const command = useSprintCommand(projectKey);
  const [completing, setCompleting] = useState(false);
  return (
    <div className="card row active-sprint" style={{ padding: '10px 14px' }} data-testid="active-sprint">
      <span className="chip chip-ready">Active</span>
      <strong>{sprint.name}</strong>
      {sprint.startDate && sprint.endDate && (
        <span className="muted">
          {formatDay(sprint.startDate)} – {formatDay(sprint.endDate)}
        </span>
      )}
      <span className="muted">{sprint.committedPoints ?? 0} points committed</span>
      <span className="spacer" />
      <Link to="../board" relative="path" className="btn">
        Open board
      </Link>
      <ActionButton allowed={managing.allowed} reason={managing.reason} onClick={() => setCompleting(true)}>
        Complete sprint
      </ActionButton>
      {completing && (
        <CompleteDialog
          sprint={sprint}
          planned={planned}
          onClose={() => setCompleting(false)}
          onComplete={(body) => command.mutate({ command: 'complete', sprintId: sprint.id, body })}
        />
      )}
    </div>
  );
}
