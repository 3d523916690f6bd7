import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { searchResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { queryString } from '../../shared/api/paths';

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ['search', q] as const,
    queryFn: ({ signal }) => request(`/search${queryString({ q, limit: 10 })}`, searchResponse, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
