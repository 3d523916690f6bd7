import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Story } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { storyPath } from '../../shared/api/paths';
import { useToast } from '../../shared/ui/toast';
import { storyKeys } from './queries';

/** Watch or stop watching the story: watchers hear of its comments, moves, acceptance and rejection. */
export function WatchButton({ projectKey, story }: { projectKey: string; story: Story }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const detailKey = storyKeys.detail(projectKey, story.key);
  const watching = story.watching ?? false;
  const toggle = useMutation({
    mutationFn: (watch: boolean) =>
      request(`${storyPath(projectKey, story.key)}/watch`, null, { method: watch ? 'POST' : 'DELETE' }),
    onMutate: (watch) =>
      queryClient.setQueryData<{ story: Story }>(
        detailKey,
        (old) => old && { story: { ...old.story, watching: watch } },
      ),
    onError: (error) => {
      notify(describeError(error), 'error');
      return queryClient.invalidateQueries({ queryKey: detailKey, exact: true });
    },
  });
  return (
    <button
      type="button"
      className="btn"
      aria-pressed={watching}
      onClick={() => toggle.mutate(!watching)}
      title="Watchers are told of comments, status changes, acceptance and rejection"
    >
      {watching ? 'Watching' : 'Watch'}
    </button>
  );
}
