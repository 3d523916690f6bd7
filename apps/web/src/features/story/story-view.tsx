import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { describeError, isApiError } from '../../shared/api/client';
import { ErrorState, NotFoundState, Skeleton } from '../../shared/ui/feedback';
import { useEpicsById, useMembersById } from '../projects/lookups';
import { projectQuery } from '../projects/queries';
import { Comments } from './comments';
import { History } from './history';
import type { Names } from './history-words';
import { storyQuery } from './queries';
import { StoryMain } from './story-main';
import { StorySidebar } from './story-sidebar';
import { useUpdateStory } from './use-story-actions';
import './story.css';

function useNames(projectKey: string): Names {
  const statuses = useQuery(projectQuery(projectKey)).data?.statuses;
  const members = useMembersById(projectKey);
  const epics = useEpicsById(projectKey);
  return useMemo(
    () => ({
      status: (id) => statuses?.find((s) => s.id === id)?.name,
      person: (id) => {
        const m = members.get(id);
        return m && { name: m.user.name, roles: m.roles };
      },
      epic: (id) => epics.get(id)?.title,
    }),
    [statuses, members, epics],
  );
}

/** One story to read and work on: its words, comments, history and fields; the page and the drawer show it. */
export function StoryView({ projectKey, storyKey }: { projectKey: string; storyKey: string }) {
  const story = useQuery(storyQuery(projectKey, storyKey));
  const statuses = useQuery(projectQuery(projectKey)).data?.statuses ?? [];
  const update = useUpdateStory(projectKey, storyKey);
  const names = useNames(projectKey);
  if (story.isPending) return <Skeleton rows={8} label="Loading the story" />;
  if (isApiError(story.error, 'not_found')) {
    return (
      <NotFoundState title={`No story ${storyKey} in this project`}>
        <span>It may have been mistyped, or it belongs to a project you are not a member of.</span>
        <Link to={`/projects/${projectKey}/backlog`}>Back to the backlog</Link>
      </NotFoundState>
    );
  }
  if (story.isError) return <ErrorState message={describeError(story.error)} onRetry={() => story.refetch()} />;
  const current = story.data.story;
  return (
    <div className="story-layout">
      <div className="stack">
        <StoryMain story={current} onEdit={(fields) => update.mutate(fields)} />
        <Comments projectKey={projectKey} storyKey={storyKey} />
        <History projectKey={projectKey} storyKey={storyKey} names={names} />
      </div>
      <StorySidebar projectKey={projectKey} story={current} statuses={statuses} onEdit={(fields) => update.mutate(fields)} />
    </div>
  );
}
