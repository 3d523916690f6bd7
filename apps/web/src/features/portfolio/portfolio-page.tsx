import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { productResponse, VELOCITY_EXPLANATION, type portfolioResponse } from '@ordo/domain';
import { describeError, request, type Parsed } from '../../shared/api/client';
import { EmptyState, ErrorState, PageSkeleton } from '../../shared/ui/feedback';
import { formatDay } from '../../shared/ui/format';
import { NameKeyForm } from '../projects/name-key-form';
import { portfolioQuery, productKeys } from '../products/queries';
import { attentionFlags, epicsText, portfolioTotals, teamsText, velocityText } from './portfolio-summary';
import './portfolio.css';

type PortfolioProduct = Parsed<typeof portfolioResponse>['products'][number];

/** One product of the department: its teams, what needs a look among its epics, its next target. */
function ProductCard({ entry }: { entry: PortfolioProduct }) {
  const { product, teams, epics, nextTarget } = entry;
  const flags = attentionFlags(epics);
  const roadmap = `/products/${product.key}/roadmap`;
  return (
    <li className="card portfolio-product" data-product={product.key}>
      <div className="row">
        <Link to={roadmap} className="portfolio-name">
          <strong>{product.name}</strong> <span className="chip">{product.key}</span>
        </Link>
        <span className="spacer" />
        <Link to={`/products/${product.key}/teams`} className="muted">
          Teams
        </Link>
        <Link to={`/products/${product.key}/members`} className="muted">
          Members
        </Link>
        <Link to={roadmap} className="btn btn-small">
          Roadmap →
        </Link>
      </div>
      <div className="row portfolio-facts">
        <span className="portfolio-epics">{epicsText(epics.total)}</span>
        {flags.length === 0 ? (
          <span className="chip chip-ready">{epics.total === 0 ? 'Nothing planned yet' : 'On track'}</span>
        ) : (
          flags.map((f) => (
            <span key={f.text} className={`chip chip-${f.tone}`} title={f.title}>
              {f.text}
            </span>
          ))
        )}
        <span className="spacer" />
        <span className="muted portfolio-target">
          {nextTarget ? `Next target ${formatDay(nextTarget)}` : 'No target ahead'}
        </span>
      </div>
      {teams.length === 0 ? (
        <p className="muted">No team yet.</p>
      ) : (
        <ul className="portfolio-teams" aria-label={`Teams of ${product.name}`}>
          {teams.map((t) => (
            <li key={t.key} data-team={t.key}>
              <Link to={`/projects/${t.key}/backlog`}>{t.name}</Link>{' '}
              <span className="muted" title={VELOCITY_EXPLANATION}>
                {t.key} · {velocityText(t.velocity)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** A new product, its creator its admin: its teams are added on its Teams page. */
function NewProduct() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: { name: string; key: string }) =>
      request('/products', productResponse, { method: 'POST', body }),
    onSuccess: async ({ product }) => {
      await queryClient.invalidateQueries({ queryKey: productKeys.mine });
      await queryClient.invalidateQueries({ queryKey: productKeys.portfolio });
      void navigate(`/products/${product.key}/teams`);
    },
  });
  return (
    <NameKeyForm
      title="New product"
      nameLabel="Product name"
      submitLabel="Create product"
      pending={create.isPending}
      error={create.error}
      onSubmit={create.mutateAsync}
    />
  );
}

/**
 * The head of product's page: every product I am admin of, with its teams and their velocity, its epics
 * at risk, misaligned or in dependency conflict, and its next target; one click to each roadmap.
 */
export function PortfolioPage() {
  const portfolio = useQuery(portfolioQuery);
  if (portfolio.isPending) return <PageSkeleton rows={6} label="Loading the portfolio" />;
  if (portfolio.isError)
    return <ErrorState message={describeError(portfolio.error)} onRetry={() => portfolio.refetch()} />;
  const { products } = portfolio.data;
  const totals = portfolioTotals(products);
  return (
    <main className="page" style={{ maxWidth: 960, margin: '0 auto', width: '100%' }}>
      <div className="page-header">
        <h1>Portfolio</h1>
        <span className="muted" data-testid="portfolio-totals">
          {products.length} {products.length === 1 ? 'product' : 'products'} · {teamsText(totals.teams)} ·{' '}
          {epicsText(totals.epics)}: {totals.atRisk} at risk, {totals.misaligned} misaligned,{' '}
          {totals.conflicts} in dependency conflict
        </span>
      </div>
      {products.length === 0 ? (
        <EmptyState title="No product to oversee">
          The portfolio lists the products you are admin of. Create one below.
        </EmptyState>
      ) : (
        <ul className="portfolio" aria-label="Products">
          {products.map((entry) => (
            <ProductCard key={entry.product.id} entry={entry} />
          ))}
        </ul>
      )}
      <NewProduct />
    </main>
  );
}
