import { useMemo } from 'react';
import type { Status, Story } from '@ordo/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { describeError, isApiError } from '../../shared/api/client';
import { ErrorState, NotFoundState, Skeleton } from '../../shared/ui/feedback';
import { useCommands, type Command } from '../keyboard/commands';
import { useCan } from '../projects/access';
import { meQuery, projectQuery } from '../projects/queries';
import { Comments } from './comments';
import { History } from './history';
import { useNames } from './use-names';
import { storyQuery } from './queries';
import { StoryMain } from './story-main';
import { StorySidebar } from './story-sidebar';
import { StoryWork } from './story-work';
import { useUpdateStory, type StoryEdit } from './use-story-actions';
import './story.css';

/** The open story's actions in the palette: take it, move it to another status. */
function StoryCommands({
  story,
  statuses,
  onEdit,
}: {
  story: Story;
  statuses: readonly Status[];
  onEdit: (fields: StoryEdit) => void;
}) {
  const me = useQuery(meQuery).data?.user;
  const assigning = useCan('story.assign');
  const moving = useCan('story.transition');
  const commands = useMemo<Command[]>(
    () => [
      ...(me && story.assigneeId !== me.id
        ? [
            {
              id: 'story.take',
              group: story.key,
              label: 'Assign to me',
              deniedReason: assigning.reason || undefined,
              run: () => onEdit({ assigneeId: me.id }),
            },
          ]
        : []),
      ...statuses
        .filter((s) => s.id !== story.statusId)
        .map((s) => ({
          id: `story.move.${s.id}`,
          group: story.key,
          label: `Move to ${s.name}`,
          deniedReason: moving.reason || undefined,
          run: () => onEdit({ statusId: s.id }),
        })),
    ],
    [me, story, statuses, assigning.reason, moving.reason, onEdit],
  );
  useCommands('story', commands);
  return null;
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
  if (story.isError)
    return <ErrorState message={describeError(story.error)} onRetry={() => story.refetch()} />;
  const current = story.data.story;
  const edit = update.mutate;
  return (
    <div className="story-layout">
      <StoryCommands story={current} statuses={statuses} onEdit={edit} />
      <div className="stack">
        <StoryMain story={current} onEdit={(fields) => update.mutate(fields)} />
        <StoryWork projectKey={projectKey} storyKey={storyKey} />
        <Comments projectKey={projectKey} storyKey={storyKey} />
        <History projectKey={projectKey} storyKey={storyKey} names={names} />
      </div>
      <StorySidebar
        projectKey={projectKey}
        story={current}
        statuses={statuses}
        onEdit={(fields) => update.mutate(fields)}
      />
    </div>
  );
}
