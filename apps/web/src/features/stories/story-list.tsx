import { useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isDoneCategory, type Story } from '@ordo/domain';
import { Avatar } from '../../shared/ui/avatar';
import { ActionButton } from '../../shared/ui/action-button';
import { useRovingList } from '../keyboard/use-roving-list';
import { useCan } from '../projects/access';
import { useEpicsById, useMembersById } from '../projects/lookups';
import { projectQuery } from '../projects/queries';
import { sprintsQuery } from '../planning/queries';
import { DueChip, EpicChip, LabelChips, PointsBadge, SubtaskChip, TypeIcon } from '../story/story-chips';
import { StoryLink } from '../story/story-link';

interface Props {
  projectKey: string;
  stories: Story[];
  /** Set in the trash: each row offers to restore its story. */
  onRestore?: (story: Story) => void;
}

/** Status and sprint names by id, for rows that carry only ids. */
function useNamesById(projectKey: string) {
  const statuses = useQuery(projectQuery(projectKey)).data?.statuses;
  const sprints = useQuery(sprintsQuery(projectKey)).data?.items;
  return useMemo(
    () => ({
      status: new Map((statuses ?? []).map((s) => [s.id, s])),
      sprint: new Map((sprints ?? []).map((s) => [s.id, s.name])),
    }),
    [statuses, sprints],
  );
}

/** The stories of one or more pages, one row each; a single Tab stop, ↑/↓ between rows, ←/→ inside one. */
export function StoryList({ projectKey, stories, onRestore }: Props) {
  const ref = useRef<HTMLUListElement>(null);
  useRovingList(ref);
  const names = useNamesById(projectKey);
  const epics = useEpicsById(projectKey);
  const members = useMembersById(projectKey);
  const restoring = useCan('story.delete');
  return (
    <ul ref={ref} className="story-list card" aria-label="Stories">
      {stories.map((story) => {
        const status = names.status.get(story.statusId);
        const isDone = isDoneCategory(status?.category);
        const assignee = story.assigneeId ? members.get(story.assigneeId)?.user : undefined;
        return (
          <li key={story.id} className="story-list-row" data-story={story.key}>
            <TypeIcon type={story.type} />
            <span className="story-key muted">{story.key}</span>
            <StoryLink className="story-title" storyKey={story.key} title={story.title}>
              {story.title}
            </StoryLink>
            <span className="row-chips">
              {status && <span className={`chip ${isDone ? 'chip-ok' : ''}`}>{status.name}</span>}
              {story.sprintId && <span className="chip">{names.sprint.get(story.sprintId)}</span>}
              <LabelChips labels={story.labels} />
              <EpicChip epic={story.epicId ? epics.get(story.epicId) : undefined} />
              <DueChip story={story} isDone={isDone} />
              <SubtaskChip subtasks={story.subtasks} />
            </span>
            <PointsBadge points={story.points} />
            {assignee ? <Avatar name={assignee.name} id={assignee.id} /> : <span className="avatar-space" />}
            {onRestore && (
              <ActionButton
                className="btn-small"
                allowed={restoring.allowed}
                reason={restoring.reason}
                aria-label={`Restore ${story.key}`}
                onClick={() => onRestore(story)}
              >
                Restore
              </ActionButton>
            )}
          </li>
        );
      })}
    </ul>
  );
}
