import { queryOptions } from '@tanstack/react-query';
import { productRoadmapResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { productPath } from '../../shared/api/paths';

/** Everything of a product sits under ['product', key], like a project's under ['project', key]. */
export const productRoadmapKey = (key: string) => ['product', key, 'roadmap'] as const;

export const productRoadmapQuery = (key: string) =>
  queryOptions({
    queryKey: productRoadmapKey(key),
    queryFn: ({ signal }) => request(`${productPath(key)}/roadmap`, productRoadmapResponse, { signal }),
  });
