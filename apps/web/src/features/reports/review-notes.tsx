import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sprintResponse } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { sprintPath } from '../../shared/api/paths';
import { MarkdownField } from '../../shared/markdown/markdown-field';
import { useToast } from '../../shared/ui/toast';
import { useCan } from '../projects/access';
import { sprintKeys, sprintsQuery } from '../planning/queries';

/**
 * The sprint review's notes, written during the review, which is usually after the sprint closed: the one field
 * of a closed sprint that stays writable. Markdown, like every text people write.
 */
export function ReviewNotes({ projectKey, sprintId }: { projectKey: string; sprintId: string }) {
  const sprint = useQuery(sprintsQuery(projectKey)).data?.items.find((s) => s.id === sprintId);
  const writing = useCan('sprint.manage');
  const queryClient = useQueryClient();
  const notify = useToast();
  const save = useMutation({
    mutationFn: (reviewNotes: string) =>
      request(sprintPath(projectKey, sprintId), sprintResponse, { method: 'PATCH', body: { reviewNotes } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sprintKeys.all(projectKey) }),
    onError: (error) => notify(describeError(error), 'error'),
  });
  if (!sprint) return null;
  return (
    <section aria-label="Review notes" className="stack">
      <strong>Review notes</strong>
      <MarkdownField
        label="Review notes"
        placeholder={
          writing.allowed
            ? 'What the review showed, decisions, feedback from stakeholders'
            : 'No review notes'
        }
        value={save.isPending && save.variables !== undefined ? save.variables : sprint.reviewNotes}
        disabled={!writing.allowed}
        reason={writing.reason}
        onCommit={(notes) => save.mutate(notes)}
      />
    </section>
  );
}
