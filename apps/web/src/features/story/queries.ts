import { queryOptions } from '@tanstack/react-query';
import { commentListResponse, eventsResponse, storyResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { storyPath } from '../../shared/api/paths';

export const storyKeys = {
  all: (key: string) => ['project', key, 'story'] as const,
  detail: (key: string, story: string) => ['project', key, 'story', story] as const,
  history: (key: string, story: string) => ['project', key, 'story', story, 'history'] as const,
  comments: (key: string, story: string) => ['project', key, 'story', story, 'comments'] as const,
};

export const storyQuery = (key: string, story: string) =>
  queryOptions({
    queryKey: storyKeys.detail(key, story),
    queryFn: ({ signal }) => request(storyPath(key, story), storyResponse, { signal }),
  });

/** History is the story's slice of the event log: the same event shape, without `lastSeq`. */
const historyResponse = eventsResponse.pick({ items: true });

export const historyQuery = (key: string, story: string) =>
  queryOptions({
    queryKey: storyKeys.history(key, story),
    queryFn: ({ signal }) => request(`${storyPath(key, story)}/history`, historyResponse, { signal }),
  });

export const commentsQuery = (key: string, story: string) =>
  queryOptions({
    queryKey: storyKeys.comments(key, story),
    queryFn: ({ signal }) => request(`${storyPath(key, story)}/comments`, commentListResponse, { signal }),
  });
