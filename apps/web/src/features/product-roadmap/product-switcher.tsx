import { useNavigate, useParams } from 'react-router';

interface Props {
  projects: readonly { product: { key: string; name: string } }[];
}

/** The products of my teams, one pick away from each product's roadmap (shown once I am in more than one). */
export function ProductSwitcher({ projects }: Props) {
  const navigate = useNavigate();
  const current = useParams().product ?? '';
  const products = [...new Map(projects.map((p) => [p.product.key, p.product])).values()];
  if (products.length === 0) return null;
  return (
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
  );
}
