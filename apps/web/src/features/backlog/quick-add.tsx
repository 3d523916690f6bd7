import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { storyResponse, type Story } from '@ordo/domain';
import { TypeOptions } from '../story/story-chips';
import { describeError, request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';
import { useToast } from '../../shared/ui/toast';
import { useCan } from '../projects/access';
import { backlogKeys } from './queries';

/** Type a title, press Enter, type the next: new stories land at the bottom of the backlog. */
export function QuickAdd({ projectKey }: { projectKey: string }) {
  const [title, setTitle] = useState('');
  const [type, setType] = useState<Story['type']>('story');
  const input = useRef<HTMLInputElement>(null);
  const creating = useCan('story.create');
  const queryClient = useQueryClient();
  const notify = useToast();
  const create = useMutation({
    mutationFn: () =>
      request(`${projectPath(projectKey)}/stories`, storyResponse, { method: 'POST', body: { title, type } }),
    onSuccess: ({ story }) => {
      setTitle('');
      notify(`${story.key} added to the bottom of the backlog`);
      input.current?.focus();
      return queryClient.invalidateQueries({ queryKey: backlogKeys.all(projectKey) });
    },
    onError: (error) => notify(describeError(error), 'error'),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim()) create.mutate();
  };
  return (
    <form className="quick-add" onSubmit={onSubmit} title={creating.reason}>
      <select
        aria-label="Type of the new story"
        value={type}
        onChange={(e) => setType(e.target.value as Story['type'])}
        disabled={!creating.allowed}
      >
        <TypeOptions />
      </select>
      <input
        ref={input}
        aria-label="New story title"
        placeholder={creating.allowed ? 'Add a story: type a title and press Enter' : creating.reason}
        maxLength={255}
        value={title}
        disabled={!creating.allowed || create.isPending}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={!creating.allowed || !title.trim()}>
        Add
      </button>
    </form>
  );
}
