import type { QueryKey } from '@tanstack/react-query';
import { epicResponse, type CreateEpic } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { useCommand } from '../../shared/api/use-command';
import { projectPath } from '../../shared/api/paths';
import { cacheChange, useOptimisticMutation } from '../../shared/api/optimistic';
import { moveItem, placementFor } from '../backlog/backlog-order';
import { epicKeys } from './queries';

/** An epic dropped at index `to` of the roadmap whose order (epic ids) was `order`. */
export interface EpicMove {
  epicId: string;
  to: number;
  order: readonly string[];
}

/** Where a roadmap's order is saved (`…/roadmap/rank` under `path`), cached, and what to refetch after. */
export interface RankScope {
  path: string;
  roadmapKey: QueryKey;
  invalidate: QueryKey[];
}
export const projectRankScope = (projectKey: string): RankScope => ({
  path: projectPath(projectKey),
  roadmapKey: epicKeys.roadmap(projectKey),
  invalidate: [epicKeys.roadmap(projectKey), epicKeys.all(projectKey)],
});

/** Either roadmap's shape, as far as its order goes. */
type Ordered = { epics: { epic: { id: string } }[] };

/**
 * The PM's roadmap order (a project's or a product's): moved at once, saved with one `POST …/roadmap/rank`,
 * undone with a toast if refused.
 */
export function useRankEpic(scope: RankScope) {
  return useOptimisticMutation<EpicMove, unknown>({
    mutationKey: ['roadmap-rank', ...scope.roadmapKey],
    mutationFn: ({ epicId, to, order }) =>
      request(`${scope.path}/roadmap/rank`, epicResponse, {
        method: 'POST',
        body: { epic: epicId, ...placementFor(moveItem(order, order.indexOf(epicId), to), epicId) },
      }),
    changes: [
      cacheChange<Ordered, EpicMove, unknown>(scope.roadmapKey, (roadmap, { epicId, to }) => ({
        ...roadmap,
        epics: moveItem(
          roadmap.epics,
          roadmap.epics.findIndex((e) => e.epic.id === epicId),
          to,
        ),
      })),
    ],
    invalidate: scope.invalidate,
  });
}

type PmCommand = { command: 'epic'; body: CreateEpic } | { command: 'vision'; vision: string };

/**
 * Where the PM's commands go: a project's routes (which act on its product) or the product's own
 * (`/api/products/:product/…`), and what to refetch after.
 */
export interface PmScope {
  path: string;
  invalidates: readonly QueryKey[];
}
export const projectPmScope = (projectKey: string): PmScope => ({
  path: projectPath(projectKey),
  invalidates: [['project', projectKey]],
});

/** Creating an epic and editing the vision. */
export function usePmCommand(scope: PmScope) {
  return useCommand(scope.invalidates, async (action: PmCommand) => {
    if (action.command === 'epic')
      await request(`${scope.path}/epics`, epicResponse, { method: 'POST', body: action.body });
    // The answer is the project, or the product, with the vision as written: the refetch shows it.
    else await request(`${scope.path}/vision`, null, { method: 'PUT', body: { vision: action.vision } });
  });
}
