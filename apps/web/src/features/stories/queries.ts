import { infiniteQueryOptions } from '@tanstack/react-query';
import { storyPageResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath, queryString } from '../../shared/api/paths';
import type { ListParams } from './list-filter';

const PAGE_SIZE = 100;

export const storyListKeys = {
  all: (key: string) => ['project', key, 'stories'] as const,
};

/** Every story of the project, a page at a time: the API's cursor carries on right after the last one shown. */
export const storyListQuery = (key: string, params: ListParams) =>
  infiniteQueryOptions({
    queryKey: [...storyListKeys.all(key), params],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      request(
        `${projectPath(key)}/stories${queryString({ ...params, limit: PAGE_SIZE, cursor: pageParam })}`,
        storyPageResponse,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
