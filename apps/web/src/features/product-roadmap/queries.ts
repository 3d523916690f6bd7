import { queryOptions } from '@tanstack/react-query';
import { epicListResponse, productRoadmapResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { productPath } from '../../shared/api/paths';
import type { RankScope } from '../roadmap/use-roadmap-actions';

/** Everything of a product sits under ['product', key], like a project's under ['project', key]. */
export const productRoadmapKey = (key: string) => ['product', key, 'roadmap'] as const;
export const productEpicsKey = (key: string) => ['product', key, 'epics'] as const;

export const productRoadmapQuery = (key: string) =>
  queryOptions({
    queryKey: productRoadmapKey(key),
    queryFn: ({ signal }) => request(`${productPath(key)}/roadmap`, productRoadmapResponse, { signal }),
  });

/** The product's epics in roadmap order (the feedback inbox links to them). */
export const productEpicsQuery = (key: string) =>
  queryOptions({
    queryKey: productEpicsKey(key),
    queryFn: ({ signal }) => request(`${productPath(key)}/epics`, epicListResponse, { signal }),
    staleTime: 30_000,
  });

/** The PM orders the product's roadmap through the product's own route. */
export const productRankScope = (key: string): RankScope => ({
  path: productPath(key),
  roadmapKey: productRoadmapKey(key),
  invalidate: [productRoadmapKey(key), productEpicsKey(key)],
});
