import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient, queryOptions } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  LINK_TYPES,
  linkResponse,
  storyDetailResponse,
  subtaskResponse,
  type LinkType,
  type StoryLink,
} from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { storyPath } from '../../shared/api/paths';
import { Section } from '../../shared/ui/section';
import { useToast } from '../../shared/ui/toast';
import { useCan } from '../projects/access';
import { MemberPicker } from '../projects/pickers';
import { storyKeys } from './queries';

const workResponse = storyDetailResponse.pick({ subtasks: true, links: true });
export const storyWorkQuery = (key: string, story: string) =>
  queryOptions({
    queryKey: [...storyKeys.detail(key, story), 'work'] as const,
    queryFn: ({ signal }) => request(storyPath(key, story), workResponse, { signal }),
  });

/** How a link reads from this story's side: "blocks" outward, "is blocked by" inward. */
export function linkWords(link: Pick<StoryLink, 'type' | 'direction'>): string {
  if (link.type === 'blocks') return link.direction === 'outward' ? 'blocks' : 'is blocked by';
  if (link.type === 'duplicates') return link.direction === 'outward' ? 'duplicates' : 'is duplicated by';
  return 'relates to';
}

/** A write to the story's sub-tasks or links: refetches the story after, says what went wrong if it fails. */
function useStoryWrite<A>(projectKey: string, storyKey: string, write: (arg: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  const notify = useToast();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storyKeys.detail(projectKey, storyKey) }),
    onError: (error) => notify(describeError(error), 'error'),
  });
}

/** The story's sub-tasks (the team's checklist, n/m on cards) and its links to other stories. */
export function StoryWork({ projectKey, storyKey }: { projectKey: string; storyKey: string }) {
  const work = useQuery(storyWorkQuery(projectKey, storyKey));
  const editing = useCan('story.edit');
  const base = storyPath(projectKey, storyKey);
  const [title, setTitle] = useState('');
  const [linkType, setLinkType] = useState<LinkType>('blocks');
  const [linkKey, setLinkKey] = useState('');
  const addSubtask = useStoryWrite(projectKey, storyKey, (body: { title: string }) =>
    request(`${base}/subtasks`, subtaskResponse, { method: 'POST', body }),
  );
  const changeSubtask = useStoryWrite(
    projectKey,
    storyKey,
    ({ id, ...body }: { id: string; done?: boolean; assigneeId?: string | null }) =>
      request(`${base}/subtasks/${encodeURIComponent(id)}`, subtaskResponse, { method: 'PATCH', body }),
  );
  const removeSubtask = useStoryWrite(projectKey, storyKey, (id: string) =>
    request(`${base}/subtasks/${encodeURIComponent(id)}`, null, { method: 'DELETE' }),
  );
  const addLink = useStoryWrite(projectKey, storyKey, (body: { type: LinkType; story: string }) =>
    request(`${base}/links`, linkResponse, { method: 'POST', body }),
  );
  const removeLink = useStoryWrite(projectKey, storyKey, (id: string) =>
    request(`${base}/links/${encodeURIComponent(id)}`, null, { method: 'DELETE' }),
  );
  const subtasks = work.data?.subtasks ?? [];
  const done = subtasks.filter((s) => s.done).length;

  const submitSubtask = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim()) addSubtask.mutate({ title: title.trim() }, { onSuccess: () => setTitle('') });
  };
  const submitLink = (e: FormEvent) => {
    e.preventDefault();
    const key = linkKey.trim().toUpperCase();
    if (key) addLink.mutate({ type: linkType, story: key }, { onSuccess: () => setLinkKey('') });
  };
  return (
    <>
      <Section
        title={`Sub-tasks${subtasks.length ? ` ${done}/${subtasks.length}` : ''}`}
        loading={work.isPending}
      >
        <ul className="subtasks">
          {subtasks.map((s) => (
            <li key={s.id} className="row" data-subtask={s.title}>
              <input
                type="checkbox"
                aria-label={s.title}
                checked={s.done}
                disabled={!editing.allowed}
                title={editing.reason}
                onChange={(e) => changeSubtask.mutate({ id: s.id, done: e.target.checked })}
              />
              <span className={`spacer ${s.done ? 'muted subtask-done' : ''}`}>{s.title}</span>
              <MemberPicker
                projectKey={projectKey}
                aria-label={`Assignee of “${s.title}”`}
                noneLabel="Nobody"
                value={s.assigneeId ?? ''}
                disabled={!editing.allowed}
                onPick={(id) => changeSubtask.mutate({ id: s.id, assigneeId: id || null })}
              />
              {editing.allowed && (
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={`Remove “${s.title}”`}
                  onClick={() => removeSubtask.mutate(s.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
          {subtasks.length === 0 && <li className="muted">No sub-tasks.</li>}
        </ul>
        {editing.allowed && (
          <form className="row" onSubmit={submitSubtask}>
            <input
              className="spacer"
              aria-label="New sub-task"
              placeholder="Add a sub-task"
              maxLength={255}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
            <button type="submit" className="btn" disabled={!title.trim() || addSubtask.isPending}>
              Add
            </button>
          </form>
        )}
      </Section>
      <Section title="Links" loading={work.isPending}>
        <ul className="story-links">
          {work.data?.links.map((l) => (
            <li key={l.id} className="row" data-link={l.story.key}>
              <span className="muted">{linkWords(l)}</span>
              {l.story.title === null ? (
                <span>a story of another team ({l.story.projectKey})</span>
              ) : (
                <Link to={`/projects/${l.story.projectKey}/stories/${l.story.key}`}>
                  {l.story.key} {l.story.title}
                </Link>
              )}
              {l.story.done && <span className="chip">Done</span>}
              {l.type === 'blocks' && l.direction === 'inward' && !l.story.done && (
                <span className="chip chip-warn">Blocker not done</span>
              )}
              {l.conflict && (
                <span
                  className="chip chip-danger"
                  title={
                    l.direction === 'inward'
                      ? "Dependency conflict: the blocker's team finishes it after this story's sprint"
                      : "Dependency conflict: this story's team finishes it after the sprint of the story it blocks"
                  }
                >
                  Dependency conflict
                </span>
              )}
              <span className="spacer" />
              {editing.allowed && (
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={`Remove the link to ${l.story.key}`}
                  onClick={() => removeLink.mutate(l.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
          {work.data?.links.length === 0 && <li className="muted">No links.</li>}
        </ul>
        {editing.allowed && (
          <form className="row" onSubmit={submitLink}>
            <select
              aria-label="Link type"
              value={linkType}
              onChange={(e) => setLinkType(e.target.value as LinkType)}
            >
              {LINK_TYPES.map((t) => (
                <option key={t} value={t}>
                  {linkWords({ type: t, direction: 'outward' })}
                </option>
              ))}
            </select>
            <input
              className="spacer"
              aria-label="Linked story key"
              placeholder={`${projectKey}-1`}
              value={linkKey}
              onChange={(e) => setLinkKey(e.target.value)}
            />
            <button type="submit" className="btn" disabled={!linkKey.trim() || addLink.isPending}>
              Link
            </button>
          </form>
        )}
      </Section>
    </>
  );
}
