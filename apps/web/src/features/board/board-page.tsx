import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { describeError } from '../../shared/api/client';
import { EmptyState, ErrorState, PageSkeleton } from '../../shared/ui/feedback';
import { formatDay } from '../../shared/ui/format';
import { useSearchFields } from '../../shared/ui/use-search-fields';
import { ActionButton } from '../../shared/ui/action-button';
import { useCan } from '../projects/access';
import { EpicPicker, MemberPicker } from '../projects/pickers';
import { useProjectKey } from '../projects/use-project-key';
import { BoardColumns } from './board-columns';
import { boardQuery } from './queries';
import { WorkflowDialog } from './workflow-dialog';
import './board.css';

const FIELDS = ['assignee', 'epic', 'lanes'] as const;

/** The active sprint's board, as the daily stand-up uses it: filter by person or epic, or split into epic lanes. */
export function BoardPage() {
  const projectKey = useProjectKey();
  const board = useQuery(boardQuery(projectKey));
  const [view, setView] = useSearchFields(FIELDS);
  const configuring = useCan('project.settings');
  const [editing, setEditing] = useState(false);
  if (board.isPending) return <PageSkeleton rows={6} label="Loading the board" />;
  if (board.isError)
    return <ErrorState message={describeError(board.error)} onRetry={() => board.refetch()} />;
  const { sprint } = board.data;
  return (
    <main className="page">
      <div className="page-header">
        <h1>{sprint?.name ?? 'Board'}</h1>
        {sprint?.startDate && sprint.endDate && (
          <span className="muted">
            {formatDay(sprint.startDate)} – {formatDay(sprint.endDate)}
          </span>
        )}
        <span className="spacer" />
        <MemberPicker
          projectKey={projectKey}
          aria-label="Show cards of"
          noneLabel="Everyone"
          extra={[{ value: 'unassigned', label: 'Unassigned' }]}
          value={view.assignee ?? ''}
          onPick={(id) => setView('assignee', id)}
        />
        <EpicPicker
          projectKey={projectKey}
          aria-label="Show cards of epic"
          noneLabel="All epics"
          value={view.epic ?? ''}
          onPick={(id) => setView('epic', id)}
        />
        <label className="row" style={{ color: 'var(--text)', fontSize: 13 }}>
          <input
            type="checkbox"
            checked={view.lanes === 'epic'}
            onChange={(e) => setView('lanes', e.target.checked ? 'epic' : '')}
          />
          Swimlanes by epic
        </label>
        <ActionButton
          allowed={configuring.allowed}
          reason={configuring.reason}
          onClick={() => setEditing(true)}
        >
          Columns
        </ActionButton>
      </div>
      {editing && (
        <WorkflowDialog
          projectKey={projectKey}
          statuses={board.data.columns.map((c) => c.status)}
          onClose={() => setEditing(false)}
        />
      )}
      {sprint?.goal && (
        <p className="hint">
          <strong>Sprint goal</strong> {sprint.goal}
        </p>
      )}
      {sprint ? (
        <BoardColumns
          projectKey={projectKey}
          board={board.data}
          filter={view}
          byEpic={view.lanes === 'epic'}
        />
      ) : (
        <EmptyState title="No sprint is running">
          <span>
            Plan one and start it in{' '}
            <Link to="../planning" relative="path">
              Sprint planning
            </Link>
            .
          </span>
        </EmptyState>
      )}
    </main>
  );
}
