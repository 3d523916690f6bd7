import { queryOptions } from '@tanstack/react-query';
import {
  portfolioResponse,
  productDetailResponse,
  productListResponse,
  productMemberListResponse,
} from '@ordo/domain';
import { request } from '../../shared/api/client';
import { productPath } from '../../shared/api/paths';

/**
 * Everything of one product sits under ['product', key] (its roadmap too), so a change to its members or
 * teams invalidates one prefix. My products and the portfolio span products: they have keys of their own.
 */
export const productKeys = {
  all: (key: string) => ['product', key] as const,
  members: (key: string) => ['product', key, 'members'] as const,
  mine: ['products'] as const,
  portfolio: ['portfolio'] as const,
};

/** My products with my roles on each (the shell's switcher, and whether I see the portfolio). */
export const myProductsQuery = queryOptions({
  queryKey: productKeys.mine,
  queryFn: ({ signal }) => request('/products', productListResponse, { signal }),
  staleTime: 60_000,
});

export const productQuery = (key: string) =>
  queryOptions({
    queryKey: productKeys.all(key),
    queryFn: ({ signal }) => request(productPath(key), productDetailResponse, { signal }),
  });

export const productMembersQuery = (key: string) =>
  queryOptions({
    queryKey: productKeys.members(key),
    queryFn: ({ signal }) => request(`${productPath(key)}/members`, productMemberListResponse, { signal }),
  });

export const portfolioQuery = queryOptions({
  queryKey: productKeys.portfolio,
  queryFn: ({ signal }) => request('/portfolio', portfolioResponse, { signal }),
});
