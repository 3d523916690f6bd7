import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { NavLink, useLocation, useNavigate, useParams } from 'react-router';
import { useCommands, type Command } from '../keyboard/commands';
import { managedProducts } from './product-rules';
import { productViewPath } from './product-views';
import { myProductsQuery } from './queries';

/**
 * The products I have a part in, one pick away from each product's roadmap (or the product view open now)
 * and, in the palette, its feedback inbox; the portfolio for whoever runs at least one of them. From
 * `GET /api/products`, so a product I run that has no team yet is there too.
 */
export function ProductSwitcher() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = useParams().product ?? '';
  const items = useQuery(myProductsQuery).data?.items;
  const products = useMemo(() => items ?? [], [items]);
  const runsOne = managedProducts(products).length > 0;
  const commands = useMemo<Command[]>(
    () => [
      ...products.flatMap((p) =>
        (['roadmap', 'feedback'] as const).map((view) => ({
          id: `product.${p.key}.${view}`,
          group: 'Product',
          label: `${p.name} (${p.key}) ${view}`,
          run: () => void navigate(`/products/${p.key}/${view}`),
        })),
      ),
      ...(runsOne
        ? [{ id: 'portfolio', group: 'Go to', label: 'Portfolio', run: () => void navigate('/portfolio') }]
        : []),
    ],
    [products, runsOne, navigate],
  );
  useCommands('products', commands);
  if (products.length === 0) return null;
  return (
    <>
      <select
        className="product-switcher"
        aria-label="Product"
        value={current}
        onChange={(e) => e.target.value && void navigate(productViewPath(pathname, e.target.value))}
      >
        <option value="">Products…</option>
        {products.map((p) => (
          <option key={p.key} value={p.key}>
            {p.name} ({p.key})
          </option>
        ))}
      </select>
      {runsOne && (
        <NavLink to="/portfolio" className="topbar-link">
          Portfolio
        </NavLink>
      )}
    </>
  );
}
