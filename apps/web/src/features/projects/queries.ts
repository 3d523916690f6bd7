import { queryOptions } from '@tanstack/react-query';
import { listOf, meResponse, member, projectDetailResponse } from '@ordo/domain';
import { isApiError, request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';

/** Every project-scoped key starts with ['project', key], so a resync invalidates one prefix. */
export const projectKeys = {
  all: (key: string) => ['project', key] as const,
  members: (key: string) => ['project', key, 'members'] as const,
};

/**
 * Who is signed in, or `null` for nobody. A 401 here is an answer ("signed out"), not a failure: it must not
 * be retried or re-checked, or a signed-out page would ask again and again.
 */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: ({ signal }) =>
    request('/me', meResponse, { signal }).catch((error: unknown) => {
      if (isApiError(error, 'unauthenticated')) return null;
      throw error;
    }),
  staleTime: 60_000,
});

export const projectQuery = (key: string) =>
  queryOptions({
    queryKey: projectKeys.all(key),
    queryFn: ({ signal }) => request(projectPath(key), projectDetailResponse, { signal }),
  });

export const membersQuery = (key: string) =>
  queryOptions({
    queryKey: projectKeys.members(key),
    queryFn: ({ signal }) => request(`${projectPath(key)}/members`, listOf(member), { signal }),
    staleTime: 60_000,
  });
