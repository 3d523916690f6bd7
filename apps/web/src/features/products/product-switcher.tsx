import { useQuery } from '@tanstack/react-query';
import { NavLink, useNavigate, useParams } from 'react-router';
import { managedProducts } from './product-rules';
import { myProductsQuery } from './queries';

/**
 * The products I have a part in, one pick away from each product's roadmap, and the portfolio for whoever
 * runs at least one of them. From `GET /api/products`, so a product I run that has no team yet is there too.
 */
export function ProductSwitcher() {
  const navigate = useNavigate();
  const current = useParams().product ?? '';
  const products = useQuery(myProductsQuery).data?.items ?? [];
  if (products.length === 0) return null;
  return (
    <>
      <select
        className="product-switcher"
        aria-label="Product"
        value={current}
        onChange={(e) => e.target.value && void navigate(`/products/${e.target.value}/roadmap`)}
      >
        <option value="">Products…</option>
        {products.map((p) => (
          <option key={p.key} value={p.key}>
            {p.name} ({p.key})
          </option>
        ))}
      </select>
      {managedProducts(products).length > 0 && (
        <NavLink to="/portfolio" className="topbar-link">
          Portfolio
        </NavLink>
      )}
    </>
  );
}
