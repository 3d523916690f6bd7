import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { ROLE_LABELS } from '@ordo/domain';
import { describeError, isApiError } from '../../shared/api/client';
import { EmptyState, ErrorState, Skeleton } from '../../shared/ui/feedback';
import { useCommands, type Command } from '../keyboard/commands';
import { ProjectRolesProvider } from '../projects/access';
import { PRODUCT_VIEWS } from './product-views';
import { productQuery } from './queries';

/** "Teams · The shop · Ordo": tabs and history entries say where they lead. */
function useTabTitle(productName: string | undefined) {
  const { pathname } = useLocation();
  useEffect(() => {
    if (!productName) return;
    const view = pathname.split('/').filter(Boolean).at(-1) ?? '';
    document.title = `${view.charAt(0).toUpperCase()}${view.slice(1)} · ${productName} · Ordo`;
  }, [pathname, productName]);
}

/** The product's views for the palette while one of them is open. */
function ProductViewCommands({ productKey }: { productKey: string }) {
  const navigate = useNavigate();
  const commands = useMemo<Command[]>(
    () =>
      PRODUCT_VIEWS.map(([path, label]) => ({
        id: `product-view.${path}`,
        group: 'Go to',
        label: `Product ${label.toLowerCase()}`,
        run: () => void navigate(`/products/${productKey}/${path}`),
      })),
    [productKey, navigate],
  );
  useCommands('product', commands);
  return null;
}

/**
 * The frame of every product view: its navigation (the product's views, then each team's backlog) and my
 * roles on the product for the policy checks, so `useCan` answers for the product as it does in a project.
 */
export function ProductLayout() {
  const productKey = useParams().product ?? '';
  const detail = useQuery(productQuery(productKey));
  useTabTitle(detail.data?.product.name);
  if (detail.isPending) return <Skeleton rows={6} label="Loading the product" />;
  if (detail.isError) {
    return isApiError(detail.error, 'not_found') ? (
      <EmptyState title="No such product">It does not exist, or you have no part in it.</EmptyState>
    ) : (
      <ErrorState message={describeError(detail.error)} onRetry={() => detail.refetch()} />
    );
  }
  const { product, roles, teams } = detail.data;
  return (
    <ProjectRolesProvider roles={roles}>
      <div className="project">
        <nav className="sidebar" aria-label={`${product.name} views`}>
          <div className="project-name">
            {product.name}
            <div className="muted" style={{ fontWeight: 400, fontSize: 12 }}>
              {roles.map((r) => ROLE_LABELS[r]).join(', ') || 'Member of a team'}
            </div>
          </div>
          <div className="section">Product</div>
          {PRODUCT_VIEWS.map(([path, label]) => (
            <NavLink key={path} to={path} end>
              {label}
            </NavLink>
          ))}
          {teams.length > 0 && <div className="section">Teams</div>}
          {teams.map((team) => (
            <NavLink key={team.key} to={`/projects/${team.key}/backlog`}>
              {team.name} <span className="muted">{team.key}</span>
            </NavLink>
          ))}
        </nav>
        <Outlet />
        <ProductViewCommands productKey={product.key} />
      </div>
    </ProjectRolesProvider>
  );
}
