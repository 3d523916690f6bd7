import { queryOptions } from '@tanstack/react-query';
import { epicListResponse, roadmapResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';

export const epicKeys = {
  all: (key: string) => ['project', key, 'epics'] as const,
  roadmap: (key: string) => ['project', key, 'roadmap'] as const,
};

export const epicsQuery = (key: string) =>
  queryOptions({
    queryKey: epicKeys.all(key),
    queryFn: ({ signal }) => request(`${projectPath(key)}/epics`, epicListResponse, { signal }),
    staleTime: 30_000,
  });

export const roadmapQuery = (key: string) =>
  queryOptions({
    queryKey: epicKeys.roadmap(key),
    queryFn: ({ signal }) => request(`${projectPath(key)}/roadmap`, roadmapResponse, { signal }),
  });
