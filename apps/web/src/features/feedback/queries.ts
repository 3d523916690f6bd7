import { queryOptions } from '@tanstack/react-query';
import { feedbackListResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';

export const feedbackKey = (key: string) => ['project', key, 'feedback'] as const;

export const feedbackQuery = (key: string) =>
  queryOptions({
    queryKey: feedbackKey(key),
    queryFn: ({ signal }) => request(`${projectPath(key)}/feedback`, feedbackListResponse, { signal }),
  });
