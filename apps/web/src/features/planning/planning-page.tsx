import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../shared/api/client';
import { ActionButton } from '../../shared/ui/action-button';
import { EmptyState, ErrorState, PageSkeleton, RoleHint } from '../../shared/ui/feedback';
import { useSearchFields } from '../../shared/ui/use-search-fields';
import { useCan } from '../projects/access';
import { useProjectKey } from '../projects/use-project-key';
import { ActiveSprintBar } from './active-sprint-bar';
import { PlanningBoard } from './planning-board';
import { sprintsQuery } from './queries';
import { useSprintCommand } from './use-planning';
import './planning.css';

const FIELDS = ['sprint'] as const;

/** Sprint planning: the running sprint on top, then the backlog beside the sprint being planned. */
export function PlanningPage() {
  const projectKey = useProjectKey();
  const sprints = useQuery(sprintsQuery(projectKey));
  const managing = useCan('sprint.manage');
  const command = useSprintCommand(projectKey);
  const [view, setView] = useSearchFields(FIELDS);
  if (sprints.isPending) return <PageSkeleton rows={6} label="Loading sprints" />;
  if (sprints.isError)
    return <ErrorState message={describeError(sprints.error)} onRetry={() => sprints.refetch()} />;
  const all = sprints.data.items;
  const active = all.find((s) => s.state === 'active');
  const planned = all.filter((s) => s.state === 'planned');
  const selected = planned.find((s) => s.id === view.sprint) ?? planned[0];
  const create = () => command.mutate({ command: 'create', body: { name: `Sprint ${all.length + 1}` } });
  return (
    <main className="page">
      <div className="page-header">
        <h1>Sprint planning</h1>
        {planned.length > 1 && (
          <select
            aria-label="Sprint to plan"
            value={selected?.id}
            onChange={(e) => setView('sprint', e.target.value)}
          >
            {planned.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
        <span className="spacer" />
        <ActionButton
          allowed={managing.allowed}
          reason={managing.reason}
          onClick={create}
          disabled={command.isPending}
        >
          New sprint
        </ActionButton>
      </div>
      {!managing.allowed && <RoleHint reason={managing.reason} />}
      {active && <ActiveSprintBar projectKey={projectKey} sprint={active} planned={planned} />}
      {selected ? (
        <PlanningBoard key={selected.id} projectKey={projectKey} sprint={selected} active={active} />
      ) : (
        <EmptyState title="No sprint to plan">
          Create the next sprint, then drag stories into it from the backlog.
        </EmptyState>
      )}
    </main>
  );
}
