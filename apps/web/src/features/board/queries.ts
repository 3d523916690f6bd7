import { queryOptions } from '@tanstack/react-query';
import { boardResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';

export const boardKey = (key: string) => ['project', key, 'board'] as const;

/** The whole board of the active sprint; assignee and epic filters apply on screen so WIP counts stay whole. */
export const boardQuery = (key: string) =>
  queryOptions({
    queryKey: boardKey(key),
    queryFn: ({ signal }) => request(`${projectPath(key)}/board`, boardResponse, { signal }),
  });
