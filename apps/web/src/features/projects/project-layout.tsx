import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet } from 'react-router';
import { ROLE_LABELS } from '@ordo/domain';
import { describeError, isApiError } from '../../shared/api/client';
import { EmptyState, ErrorState, Skeleton } from '../../shared/ui/feedback';
import { liveSinceQuery, useLiveProject } from '../../app/use-live-project';
import { ProjectRolesProvider } from './access';
import { projectQuery } from './queries';
import { useProjectKey } from './use-project-key';

const TEAM_VIEWS = [
  ['backlog', 'Backlog'],
  ['planning', 'Planning'],
  ['board', 'Board'],
] as const;
const PRODUCT_VIEWS = [
  ['roadmap', 'Roadmap'],
  ['reports', 'Reports'],
  ['feedback', 'Feedback'],
  ['members', 'Members'],
] as const;

function LiveIndicator({ projectKey, since }: { projectKey: string; since: number }) {
  const state = useLiveProject(projectKey, since);
  const label = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' }[state];
  return (
    <span className="row muted" style={{ padding: '12px 8px', fontSize: 12 }} aria-live="polite" data-testid="live-state" data-state={state}>
      <span className="live-dot" data-state={state} /> {label}
    </span>
  );
}

/** The frame of every project view: navigation, the member's roles for the policy checks, and the live feed. */
export function ProjectLayout() {
  const projectKey = useProjectKey();
  const detail = useQuery(projectQuery(projectKey));
  const since = useQuery({ ...liveSinceQuery(projectKey), enabled: detail.isSuccess });
  if (detail.isPending || (since.isPending && since.fetchStatus !== 'idle')) return <Skeleton rows={6} label="Loading the project" />;
  if (detail.isError) {
    return isApiError(detail.error, 'not_found') ? (
      <EmptyState title="No such project">It does not exist, or you are not a member of it.</EmptyState>
    ) : (
      <ErrorState message={describeError(detail.error)} onRetry={() => detail.refetch()} />
    );
  }
  const { project, roles } = detail.data;
  return (
    <ProjectRolesProvider roles={roles}>
      <div className="project">
        <nav className="sidebar" aria-label={`${project.name} views`}>
          <div className="project-name">
            {project.name}
            <div className="muted" style={{ fontWeight: 400, fontSize: 12 }}>
              {roles.map((r) => ROLE_LABELS[r]).join(', ')}
            </div>
          </div>
          <div className="section">Team</div>
          {TEAM_VIEWS.map(([path, label]) => (
            <NavLink key={path} to={path}>
              {label}
            </NavLink>
          ))}
          <div className="section">Product</div>
          {PRODUCT_VIEWS.map(([path, label]) => (
            <NavLink key={path} to={path}>
              {label}
            </NavLink>
          ))}
          {since.isSuccess && <LiveIndicator projectKey={projectKey} since={since.data} />}
        </nav>
        <Outlet />
      </div>
    </ProjectRolesProvider>
  );
}
