import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { canChangeComment, commentResponse, type Comment } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { storyPath } from '../../shared/api/paths';
import { Avatar } from '../../shared/ui/avatar';
import { Section } from '../../shared/ui/section';
import { formatMoment } from '../../shared/ui/format';
import { useToast } from '../../shared/ui/toast';
import { useCan, useRoles } from '../projects/access';
import { meQuery } from '../projects/queries';
import { Markdown } from '../../shared/markdown/markdown';
import { MarkdownEditor } from '../../shared/markdown/markdown-editor';
import { commentsQuery, storyKeys } from './queries';

export function Comments({ projectKey, storyKey }: { projectKey: string; storyKey: string }) {
  const comments = useQuery(commentsQuery(projectKey, storyKey));
  const [body, setBody] = useState('');
  const commenting = useCan('comment.create');
  const queryClient = useQueryClient();
  const notify = useToast();
  const post = useMutation({
    mutationFn: () =>
      request(`${storyPath(projectKey, storyKey)}/comments`, commentResponse, {
        method: 'POST',
        body: { body },
      }),
    onSuccess: () => {
      setBody('');
      return queryClient.invalidateQueries({ queryKey: storyKeys.comments(projectKey, storyKey) });
    },
    onError: (error) => notify(describeError(error), 'error'),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) post.mutate();
  };
  return (
    <Section title="Comments" loading={comments.isPending}>
      <ul className="comments">
        {comments.data?.items.map((c) => (
          <li key={c.id} className="row" style={{ alignItems: 'start' }}>
            <Avatar name={c.author.name} id={c.author.id} />
            <div>
              <strong>{c.author.name}</strong> <span className="muted">{formatMoment(c.createdAt)}</span>
              {c.editedAt && <span className="muted small"> (edited)</span>}
              <CommentBody projectKey={projectKey} storyKey={storyKey} comment={c} />
            </div>
          </li>
        ))}
        {comments.data?.items.length === 0 && <li className="muted">No comments yet.</li>}
      </ul>
      <form className="stack" onSubmit={submit}>
        <MarkdownEditor
          label="Write a comment"
          placeholder="Write a comment (@ mentions a member)"
          value={body}
          onChange={setBody}
          disabled={!commenting.allowed}
        />
        <div>
          <button type="submit" className="btn btn-primary" disabled={!body.trim() || post.isPending}>
            Comment
          </button>
        </div>
      </form>
    </Section>
  );
}

/** A comment as Markdown; its author (or an admin) can edit it in place or delete it. */
function CommentBody({
  projectKey,
  storyKey,
  comment,
}: {
  projectKey: string;
  storyKey: string;
  comment: Comment;
}) {
  const me = useQuery(meQuery);
  const roles = useRoles();
  const [draft, setDraft] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const notify = useToast();
  const path = `${storyPath(projectKey, storyKey)}/comments/${encodeURIComponent(comment.id)}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: storyKeys.all(projectKey) });
  const save = useMutation({
    mutationFn: (body: string) => request(path, commentResponse, { method: 'PATCH', body: { body } }),
    onSuccess: () => {
      setDraft(null);
      return refresh();
    },
    onError: (error) => notify(describeError(error), 'error'),
  });
  const remove = useMutation({
    mutationFn: () => request(path, null, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (error) => notify(describeError(error), 'error'),
  });
  const mayChange = me.data
    ? canChangeComment(roles, { authorId: comment.author.id }, me.data.user.id)
    : false;
  if (draft !== null) {
    return (
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) save.mutate(draft);
        }}
      >
        <MarkdownEditor label="Edit the comment" value={draft} onChange={setDraft} autoFocus />
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={!draft.trim() || save.isPending}>
            Save
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <>
      <Markdown className="comment-body" text={comment.body} />
      {mayChange && (
        <div className="row comment-actions">
          <button type="button" className="btn btn-ghost small" onClick={() => setDraft(comment.body)}>
            Edit
          </button>
          <button
            type="button"
            className="btn btn-ghost small"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm('Delete this comment?')) remove.mutate();
            }}
          >
            Delete
          </button>
        </div>
      )}
    </>
  );
}
