import { epicResponse, projectResponse, type CreateEpic, type Roadmap } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { useProjectCommand } from '../../shared/api/use-project-command';
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

/** Creating an epic and editing the vision. */
export function usePmCommand(projectKey: string) {
  return useProjectCommand(projectKey, async (action: PmCommand) => {
    if (action.command === 'epic')
      await request(`${projectPath(projectKey)}/epics`, epicResponse, { method: 'POST', body: action.body });
    else
      await request(`${projectPath(projectKey)}/vision`, projectResponse, {
        method: 'PUT',
        body: { vision: action.vision },
      });
  });
}
