import type { QueryKey } from '@tanstack/react-query';
import { epicResponse, type CreateEpic, type Roadmap } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { useCommand } from '../../shared/api/use-command';
import { projectPath } from '../../shared/api/paths';
import { cacheChange, useOptimisticMutation } from '../../shared/api/optimistic';
import { moveItem, placementFor } from '../backlog/backlog-order';
import { epicKeys } from './queries';

interface EpicMove {
  epicId: string;
  to: number;
}

/** The PM's roadmap order: moved at once, saved with one `POST /roadmap/rank`, undone with a toast if refused. */
export function useRankEpic(projectKey: string) {
  return useOptimisticMutation<EpicMove & { order: string[] }, unknown>({
    mutationKey: ['roadmap-rank', projectKey],
    mutationFn: ({ epicId, order }) =>
      request(`${projectPath(projectKey)}/roadmap/rank`, epicResponse, {
        method: 'POST',
        body: { epic: epicId, ...placementFor(order, epicId) },
      }),
    changes: [
      cacheChange<Roadmap, EpicMove, unknown>(epicKeys.roadmap(projectKey), (roadmap, { epicId, to }) => ({
        ...roadmap,
        epics: moveItem(
          roadmap.epics,
          roadmap.epics.findIndex((e) => e.epic.id === epicId),
          to,
        ),
      })),
    ],
    invalidate: [epicKeys.roadmap(projectKey), epicKeys.all(projectKey)],
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
