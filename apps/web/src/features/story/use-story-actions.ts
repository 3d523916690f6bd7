import { useQueryClient } from '@tanstack/react-query';
import { storyResponse, type Story, type StorySummary, type UpdateStory } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { useProjectCommand } from '../../shared/api/use-project-command';
import { storyPath } from '../../shared/api/paths';
import { cacheChange, useOptimisticMutation } from '../../shared/api/optimistic';
import { storyKeys } from './queries';

export type StoryEdit = Omit<UpdateStory, 'version'>;
type Detail = { story: Story };

/**
 * Field edits: shown at once, sent one after another, each with the version the previous one produced
 * (read from the cache when it runs), so quick edits do not trip over their own 409s.
 */
export function useUpdateStory(projectKey: string, storyKey: string) {
  const queryClient = useQueryClient();
  const detailKey = storyKeys.detail(projectKey, storyKey);
  return useOptimisticMutation<StoryEdit, Detail>({
    mutationKey: ['story-edit', projectKey, storyKey],
    scope: { id: `story-edit-${projectKey}-${storyKey}` },
    mutationFn: (fields) => {
      const version = queryClient.getQueryData<Detail>(detailKey)?.story.version;
      return request(storyPath(projectKey, storyKey), storyResponse, {
        method: 'PATCH',
        body: { ...fields, version },
      });
    },
    changes: [
      cacheChange<Detail, StoryEdit, Detail>(
        detailKey,
        (data, fields) => ({ story: { ...data.story, ...fields } }),
        (data, result) => ({ story: { ...result.story, watching: data.story.watching } }),
      ),
    ],
    invalidate: [detailKey, ['project', projectKey, 'backlog'], ['project', projectKey, 'board']],
  });
}

type StoryCommand = { command: 'accept' | 'reject' | 'restore' | 'delete'; body?: unknown };

/** Accept, reject, delete, restore: one request each. */
export function useStoryCommand(projectKey: string, storyKey: string) {
  const path = storyPath(projectKey, storyKey);
  return useProjectCommand(projectKey, ({ command, body }: StoryCommand) =>
    command === 'delete'
      ? request(path, null, { method: 'DELETE' })
      : request(`${path}/${command}`, storyResponse, { method: 'POST', body: body ?? {} }).then(
          () => undefined,
        ),
  );
}

interface ListEdit {
  /** A list row: a full story, or the summary the backlog lists (`place` turns the answer into its row). */
  story: Story | StorySummary;
  fields: StoryEdit;
}

/**
 * A quick edit made from a list (points in the backlog, "take it" on the board): shown in that list at once
 * with `place`, sent with the version the list shows (a 409 rolls it back and says so).
 */
export function useListStoryEdit<TData>(
  projectKey: string,
  queryKey: readonly unknown[],
  place: (data: TData, story: Story) => TData,
) {
  return useOptimisticMutation<ListEdit, Detail>({
    mutationKey: ['list-edit', projectKey],
    mutationFn: ({ story, fields }) =>
      request(storyPath(projectKey, story.key), storyResponse, {
        method: 'PATCH',
        body: { ...fields, version: story.version },
      }),
    changes: [
      cacheChange<TData, ListEdit, Detail>(
        queryKey,
        (data, { story, fields }) => place(data, { ...story, ...fields } as Story),
        (data, result) => place(data, result.story),
      ),
    ],
  });
}
