import { queryOptions } from '@tanstack/react-query';
import { productRoadmapResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';

const e = encodeURIComponent;
export const productPath = (key: string) => `/products/${e(key)}`;

export const productRoadmapKey = (key: string) => ['product', key, 'roadmap'] as const;

export const productRoadmapQuery = (key: string) =>
  queryOptions({
    queryKey: productRoadmapKey(key),
    queryFn: ({ signal }) => request(`${productPath(key)}/roadmap`, productRoadmapResponse, { signal }),
  });
