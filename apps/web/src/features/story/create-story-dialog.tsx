import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { createStoryBody, STORY_POINTS, storyResponse, type Story } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';
import { FormDialog } from '../../shared/ui/dialog';
import { useToast } from '../../shared/ui/toast';
import { useCan } from '../projects/access';
import { EpicPicker } from '../projects/pickers';
import { TypeOptions } from './story-chips';

const EMPTY = {
  title: '',
  type: 'story',
  description: '',
  persona: '',
  goal: '',
  benefit: '',
  criteria: '',
  points: '',
  labels: '',
  epicId: '',
  dueDate: '',
};
type Draft = typeof EMPTY;

/** The form's text as the API's body: empty fields left out, criteria one per line, labels comma-separated. */
function bodyOf(draft: Draft) {
  const list = (text: string, separator: RegExp) =>
    text
      .split(separator)
      .map((s) => s.trim())
      .filter(Boolean);
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return createStoryBody.safeParse({
    title: draft.title.trim(),
    type: draft.type,
    description: optional(draft.description),
    persona: optional(draft.persona),
    goal: optional(draft.goal),
    benefit: optional(draft.benefit),
    acceptanceCriteria: list(draft.criteria, /\n/),
    labels: list(draft.labels, /,/),
    points: draft.points === '' ? undefined : Number(draft.points),
    epicId: optional(draft.epicId),
    dueDate: optional(draft.dueDate),
  });
}

/** `c`: a new story with every field at once (not only the title); it opens in the drawer once created. */
export function CreateStoryDialog({ projectKey, onClose }: { projectKey: string; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const estimating = useCan('story.estimate');
  const linking = useCan('story.link_epic');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useToast();
  const parsed = bodyOf(draft);
  const create = useMutation({
    mutationFn: (body: unknown) =>
      request(`${projectPath(projectKey)}/stories`, storyResponse, { method: 'POST', body }),
    onSuccess: ({ story }: { story: Story }) => {
      notify(`${story.key} added to the bottom of the backlog`);
      onClose();
      void navigate({ search: `?story=${story.key}` });
      return queryClient.invalidateQueries({ queryKey: ['project', projectKey] });
    },
    onError: (error) => notify(describeError(error), 'error'),
  });
  const field = (name: keyof Draft) => ({
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });
  const problem = parsed.success ? null : parsed.error.issues[0];
  return (
    <FormDialog
      title="Create a story"
      submitLabel="Create story"
      wide
      closeOnSubmit={false}
      canSubmit={parsed.success && !create.isPending}
      onSubmit={() => parsed.success && create.mutate(parsed.data)}
      onClose={onClose}
    >
      <div className="row">
        <input
          aria-label="Title"
          placeholder="Title"
          maxLength={255}
          style={{ flex: 1 }}
          {...field('title')}
        />
        <select aria-label="Type" {...field('type')}>
          <TypeOptions />
        </select>
      </div>
      <div className="user-story">
        <span>As a</span>
        <input aria-label="As a" placeholder="kind of user" {...field('persona')} />
        <span>I want</span>
        <input aria-label="I want" placeholder="to do something" {...field('goal')} />
        <span>so that</span>
        <input aria-label="so that" placeholder="I get some value" {...field('benefit')} />
      </div>
      <textarea
        aria-label="Description"
        placeholder="Description (Markdown)"
        rows={4}
        {...field('description')}
      />
      <textarea
        aria-label="Acceptance criteria"
        placeholder="Acceptance criteria, one per line"
        rows={3}
        {...field('criteria')}
      />
      <div className="row" style={{ flexWrap: 'wrap' }}>
        <select
          aria-label="Story points"
          disabled={!estimating.allowed}
          title={estimating.reason}
          {...field('points')}
        >
          <option value="">Not estimated</option>
          {STORY_POINTS.map((p) => (
            <option key={p} value={p}>
              {p} points
            </option>
          ))}
        </select>
        <EpicPicker
          projectKey={projectKey}
          aria-label="Epic"
          noneLabel="No epic"
          disabled={!linking.allowed}
          title={linking.reason}
          value={draft.epicId}
          onPick={(epicId) => setDraft({ ...draft, epicId })}
        />
        <input aria-label="Labels" placeholder="Labels, comma separated" {...field('labels')} />
        <input aria-label="Due date" type="date" {...field('dueDate')} />
      </div>
      {problem && draft.title.trim() && (
        <p className="muted" role="status">
          {problem.path.join('.')}: {problem.message}
        </p>
      )}
    </FormDialog>
  );
}
