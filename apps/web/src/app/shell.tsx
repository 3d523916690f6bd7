import { useMemo, useState, type MouseEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { request } from '../shared/api/client';
import { ErrorState, Skeleton } from '../shared/ui/feedback';
import { Avatar } from '../shared/ui/avatar';
import { meQuery } from '../features/projects/queries';
import { KeyboardProvider, useCommands, type Command } from '../features/keyboard/commands';
import { NotificationBell } from '../features/notifications/bell';
import { applyTheme, nextTheme, storedTheme, type Theme } from './theme';
import { SearchBox } from '../features/search/search-box';
import { ProductSwitcher } from '../features/products/product-switcher';

const THEME_LABEL: Record<Theme, string> = {
  system: 'Theme: system',
  dark: 'Theme: dark',
  light: 'Theme: light',
};

function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const toggle = () => {
    const next = nextTheme(theme);
    applyTheme(next);
    setTheme(next);
  };
  return (
    <button
      type="button"
      className="btn btn-ghost"
      onClick={toggle}
      aria-label={THEME_LABEL[theme]}
      title={THEME_LABEL[theme]}
    >
      {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
    </button>
  );
}

function LogoutButton() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = async () => {
    await request('/auth/logout', null, { method: 'POST' }).catch(() => undefined);
    queryClient.clear();
    void navigate('/login');
  };
  return (
    <button type="button" className="btn btn-ghost" onClick={logout}>
      Log out
    </button>
  );
}

/** Keyboard users jump past the top bar and the navigation straight to the view. */
function SkipLink() {
  const skip = (e: MouseEvent) => {
    const main = document.querySelector<HTMLElement>('main');
    if (!main) return;
    e.preventDefault();
    main.tabIndex = -1;
    main.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      Skip to content
    </a>
  );
}

/** Every project of mine is a palette command away. */
function ProjectSwitchCommands({ projects }: { projects: readonly { key: string; name: string }[] }) {
  const navigate = useNavigate();
  const commands = useMemo<Command[]>(
    () =>
      projects.map((p) => ({
        id: `project.${p.key}`,
        group: 'Project',
        label: `${p.name} (${p.key})`,
        run: () => navigate(`/projects/${p.key}`),
      })),
    [projects, navigate],
  );
  useCommands('projects', commands);
  return null;
}

/** The signed-in frame: top bar and the page. Without a session it sends people to log in and back here after. */
export function Shell() {
  const me = useQuery(meQuery);
  const location = useLocation();
  if (me.isPending) return <Skeleton rows={3} label="Loading your session" />;
  if (me.isError) return <ErrorState message="Ordo could not be reached." onRetry={() => me.refetch()} />;
  if (me.data === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return (
    <KeyboardProvider>
      <SkipLink />
      <ProjectSwitchCommands projects={me.data.projects} />
      <div className="shell">
        <header className="topbar">
          <Link to="/projects" className="brand">
            Ordo
          </Link>
          <ProductSwitcher />
          <SearchBox />
          <span className="spacer" />
          <ThemeToggle />
          <NotificationBell />
          <Avatar name={me.data.user.name} id={me.data.user.id} />
          <Link to="/profile" className="muted" title="Your profile">
            {me.data.user.name}
          </Link>
          <LogoutButton />
        </header>
        <Outlet />
      </div>
    </KeyboardProvider>
  );
}
