import { queryOptions } from '@tanstack/react-query';
import { feedbackListResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { productPath, projectPath } from '../../shared/api/paths';

/**
 * Whose inbox: a product's, read through one of its teams (`/projects/KEY`) or through the product itself
 * (`/products/KEY`). Its cache sits under the project's or the product's, which a change refetches.
 */
export interface FeedbackScope {
  path: string;
  cacheKey: readonly ['project' | 'product', string];
}
export const projectFeedbackScope = (key: string): FeedbackScope => ({
  path: projectPath(key),
  cacheKey: ['project', key],
});
export const productFeedbackScope = (key: string): FeedbackScope => ({
  path: productPath(key),
  cacheKey: ['product', key],
});

export const feedbackKeyOf = (scope: FeedbackScope) => [...scope.cacheKey, 'feedback'] as const;
export const feedbackKey = (key: string) => feedbackKeyOf(projectFeedbackScope(key));

export const feedbackQuery = (scope: FeedbackScope) =>
  queryOptions({
    queryKey: feedbackKeyOf(scope),
    queryFn: ({ signal }) => request(`${scope.path}/feedback`, feedbackListResponse, { signal }),
  });
