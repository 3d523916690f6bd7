import { storyResponse, type Story } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { storyPath } from '../../shared/api/paths';
import { cacheChange, useOptimisticMutation } from '../../shared/api/optimistic';
import { moveCard, placeOnBoard, type Board } from './board-state';
import { boardKey } from './queries';

interface Transition {
  storyKey: string;
  statusId: string;
}

/** A card dropped in another column: moved at once, saved with one transition, moved back with a toast if refused. */
export function useTransition(projectKey: string) {
  return useOptimisticMutation<Transition, { story: Story }>({
    mutationKey: ['transition', projectKey],
    mutationFn: ({ storyKey, statusId }) =>
      request(`${storyPath(projectKey, storyKey)}/transition`, storyResponse, {
        method: 'POST',
        body: { statusId },
      }),
    changes: [
      cacheChange<Board, Transition, { story: Story }>(
        boardKey(projectKey),
        (board, { storyKey, statusId }) => moveCard(board, storyKey, statusId),
        (board, { story }) => placeOnBoard(board, story),
      ),
    ],
  });
}
