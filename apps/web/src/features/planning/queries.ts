import { queryOptions } from '@tanstack/react-query';
import {
  burndownResponse,
  cumulativeFlowResponse,
  retroListResponse,
  sprintDetailResponse,
  sprintListResponse,
  sprintReportResponse,
  velocityResponse,
} from '@ordo/domain';
import { request, type Parsed } from '../../shared/api/client';
import { projectPath, queryString, sprintPath } from '../../shared/api/paths';

export type SprintDetail = Parsed<typeof sprintDetailResponse>;

export const sprintKeys = {
  all: (key: string) => ['project', key, 'sprints'] as const,
  details: (key: string) => ['project', key, 'sprints', 'detail'] as const,
  detail: (key: string, id: string) => ['project', key, 'sprints', 'detail', id] as const,
  reports: (key: string) => ['project', key, 'reports'] as const,
};

export const sprintsQuery = (key: string) =>
  queryOptions({
    queryKey: sprintKeys.all(key),
    queryFn: ({ signal }) => request(`${projectPath(key)}/sprints`, sprintListResponse, { signal }),
  });

export const sprintQuery = (key: string, id: string) =>
  queryOptions({
    queryKey: sprintKeys.detail(key, id),
    queryFn: ({ signal }) => request(sprintPath(key, id), sprintDetailResponse, { signal }),
  });

export const velocityQuery = (key: string) =>
  queryOptions({
    queryKey: [...sprintKeys.reports(key), 'velocity'],
    queryFn: ({ signal }) => request(`${projectPath(key)}/velocity`, velocityResponse, { signal }),
  });

export const sprintReportQuery = (key: string, id: string) =>
  queryOptions({
    queryKey: [...sprintKeys.reports(key), 'sprint', id],
    queryFn: ({ signal }) => request(`${sprintPath(key, id)}/report`, sprintReportResponse, { signal }),
  });

export const burndownQuery = (key: string, id: string) =>
  queryOptions({
    queryKey: [...sprintKeys.reports(key), 'burndown', id],
    queryFn: ({ signal }) => request(`${sprintPath(key, id)}/burndown`, burndownResponse, { signal }),
  });

export const retroQuery = (key: string, id: string) =>
  queryOptions({
    queryKey: [...sprintKeys.reports(key), 'retro', id],
    queryFn: ({ signal }) => request(`${sprintPath(key, id)}/retro`, retroListResponse, { signal }),
  });

export const cumulativeFlowQuery = (key: string, range: { from: string; to: string }) =>
  queryOptions({
    queryKey: [...sprintKeys.reports(key), 'cumulative-flow', range],
    queryFn: ({ signal }) =>
      request(`${projectPath(key)}/reports/cumulative-flow${queryString(range)}`, cumulativeFlowResponse, {
        signal,
      }),
  });
