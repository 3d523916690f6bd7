import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '@ordo/domain';
import { describeError, isApiError } from '../../shared/api/client';
import { Avatar } from '../../shared/ui/avatar';
import { EmptyState, ErrorState, Skeleton } from '../../shared/ui/feedback';
import { liveSinceQuery, useLiveProject } from '../../app/use-live-project';
import { useCommands, type Command } from '../keyboard/commands';
import { StoryDrawer } from '../story/story-drawer';
import { permission, ProjectRolesProvider } from './access';
import { projectQuery } from './queries';
import { useProjectKey } from './use-project-key';

// The form loads when first asked for (`c`), not with the first page.
const CreateStoryDialog = lazy(() =>
  import('../story/create-story-dialog').then((m) => ({ default: m.CreateStoryDialog })),
);

const TEAM_VIEWS = [
  ['backlog', 'Backlog'],
  ['planning', 'Planning'],
  ['board', 'Board'],
  ['stories', 'All stories'],
] as const;
const PRODUCT_VIEWS = [
  ['roadmap', 'Roadmap'],
  ['reports', 'Reports'],
  ['activity', 'Activity'],
  ['feedback', 'Feedback'],
  ['members', 'Members'],
  ['settings', 'Settings'],
] as const;

const LIVE_WORDS = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Offline: reload to follow changes',
};

/** Whether changes arrive live, and who has the project open right now (presence avatars). */
function LiveStatus({ projectKey, since }: { projectKey: string; since: number }) {
  const { state, presence } = useLiveProject(projectKey, since);
  return (
    <div className="live-status">
      <span className="row muted" aria-live="polite" data-testid="live-state" data-state={state}>
        <span className="live-dot" data-state={state} /> {LIVE_WORDS[state]}
      </span>
      {presence.length > 0 && (
        <div className="presence" aria-label={`Here now: ${presence.map((u) => u.name).join(', ')}`}>
          {presence.map((u) => (
            <Avatar key={u.id} name={u.name} id={u.id} />
          ))}
        </div>
      )}
    </div>
  );
}

/** "Board · Web shop · Ordo", "SHOP-42 · Web shop · Ordo": tabs and history entries say where they lead. */
function useTabTitle(projectName: string | undefined) {
  const { pathname } = useLocation();
  useEffect(() => {
    if (!projectName) return;
    const view = decodeURIComponent(pathname.split('/').filter(Boolean).at(-1) ?? '');
    document.title = `${view.charAt(0).toUpperCase()}${view.slice(1)} · ${projectName} · Ordo`;
  }, [pathname, projectName]);
}

/** The project's commands for the palette: its views, and "Create a story" (`c`) where the member may. */
function ProjectCommands({ projectKey, roles }: { projectKey: string; roles: readonly string[] }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const commands = useMemo<Command[]>(
    () => [
      ...[...TEAM_VIEWS, ...PRODUCT_VIEWS].map(([path, label]) => ({
        id: `view.${path}`,
        group: 'Go to',
        label,
        run: () => navigate(`/projects/${projectKey}/${path}`),
      })),
      {
        id: 'view.trash',
        group: 'Go to',
        label: 'Trash (deleted stories)',
        run: () => void navigate(`/projects/${projectKey}/stories?deleted=true`),
      },
      {
        id: 'story.create',
        group: 'Story',
        label: 'Create a story',
        deniedReason: permission(roles, 'story.create').reason || undefined,
        run: () => setCreating(true),
      },
    ],
    [projectKey, roles, navigate],
  );
  useCommands('project', commands);
  return creating ? (
    <Suspense fallback={null}>
      <CreateStoryDialog projectKey={projectKey} onClose={() => setCreating(false)} />
    </Suspense>
  ) : null;
}

/** The frame of every project view: navigation, the member's roles for the policy checks, and the live feed. */
export function ProjectLayout() {
  const projectKey = useProjectKey();
  const detail = useQuery(projectQuery(projectKey));
  const since = useQuery({ ...liveSinceQuery(projectKey), enabled: detail.isSuccess });
  useTabTitle(detail.data?.project.name);
  if (detail.isPending || (since.isPending && since.fetchStatus !== 'idle'))
    return <Skeleton rows={6} label="Loading the project" />;
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
            <NavLink key={path} to={path} end>
              {label}
            </NavLink>
          ))}
          <div className="section">Product</div>
          {PRODUCT_VIEWS.map(([path, label]) => (
            <NavLink key={path} to={path} end>
              {label}
            </NavLink>
          ))}
          <NavLink to={`/products/${project.product.key}/roadmap`}>Product roadmap</NavLink>
          {since.isSuccess && <LiveStatus projectKey={projectKey} since={since.data} />}
        </nav>
        <Outlet />
        <StoryDrawer projectKey={projectKey} />
        <ProjectCommands projectKey={projectKey} roles={roles} />
      </div>
    </ProjectRolesProvider>
  );
}
