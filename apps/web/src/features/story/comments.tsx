import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commentResponse } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { storyPath } from '../../shared/api/paths';
import { Avatar } from '../../shared/ui/avatar';
import { Section } from '../../shared/ui/section';
import { formatMoment } from '../../shared/ui/format';
import { useToast } from '../../shared/ui/toast';
import { useCan } from '../projects/access';
import { commentsQuery, storyKeys } from './queries';
import { MentionTextarea } from '../mentions/mention-textarea';

export function Comments({ projectKey, storyKey }: { projectKey: string; storyKey: string }) {
  const comments = useQuery(commentsQuery(projectKey, storyKey));
  const [body, setBody] = useState('');
  const commenting = useCan('comment.create');
  const queryClient = useQueryClient();
  const notify = useToast();
  const post = useMutation({
    mutationFn: () => request(`${storyPath(projectKey, storyKey)}/comments`, commentResponse, { method: 'POST', body: { body } }),
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
              {/* Rendered as text: what people type never becomes markup. */}
              <p className="comment-body">{c.body}</p>
            </div>
          </li>
        ))}
        {comments.data?.items.length === 0 && <li className="muted">No comments yet.</li>}
      </ul>
      <form className="stack" onSubmit={submit}>
        <MentionTextarea aria-label="Write a comment" placeholder="Write a comment (@ mentions a member)" value={body} onChange={(e) => setBody(e.target.value)} disabled={!commenting.allowed} />
        <div>
          <button type="submit" className="btn btn-primary" disabled={!body.trim() || post.isPending}>
            Comment
          </button>
        </div>
      </form>
    </Section>
  );
}
