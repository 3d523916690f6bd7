import type { KeyboardEvent } from 'react';
import { StoryLink } from '../story/story-link';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Epic, SprintMarker, StorySummary } from '@ordo/domain';
import { formatShortDay } from '../../shared/ui/format';
import { Avatar } from '../../shared/ui/avatar';
import {
  DueChip,
  SubtaskChip,
  EpicChip,
  LabelChips,
  PointsBadge,
  ReadinessChip,
  TypeIcon,
} from '../story/story-chips';
import { PointsSelect } from '../story/points-picker';
import type { Permission } from '../projects/access';

export type MoveTo = 'top' | 'up' | 'down' | 'bottom';

interface Props {
  story: StorySummary;
  position: number;
  epic: Epic | undefined;
  assignee: { id: string; name: string } | undefined;
  ranking: Permission;
  onMove: (story: StorySummary, to: MoveTo) => void;
  /** Set for members who estimate (developers, Scrum Master): refinement right in the list. */
  onEstimate?: (story: StorySummary, points: number | null) => void;
  /** This story is the last one the coming sprint takes at the team's velocity. */
  sprintEnd?: SprintMarker;
}

/** Alt+↑/↓ moves one place, Alt+Shift+↑/↓ to the top or bottom: ordering without a mouse or a drag. */
function moveForKey(e: KeyboardEvent): MoveTo | null {
  if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return null;
  if (e.key === 'ArrowUp') return e.shiftKey ? 'top' : 'up';
  return e.shiftKey ? 'bottom' : 'down';
}

export function BacklogRow({
  story,
  position,
  epic,
  assignee,
  ranking,
  onMove,
  onEstimate,
  sprintEnd,
}: Props) {
  const sortable = useSortable({ id: story.key, disabled: !ranking.allowed });
  const style = { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition };
  const onKeyDown = (e: KeyboardEvent) => {
    const to = ranking.allowed ? moveForKey(e) : null;
    if (!to) return;
    e.preventDefault();
    onMove(story, to);
  };
  return (
    <div
      ref={sortable.setNodeRef}
      style={style}
      className={`backlog-row ${sortable.isDragging ? 'is-dragging' : ''} ${sprintEnd ? 'ends-sprint' : ''}`}
      data-story={story.key}
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        className="drag-handle"
        aria-label={`Reorder ${story.key}`}
        title={ranking.allowed ? 'Drag, or press Space then the arrow keys' : ranking.reason}
        {...sortable.attributes}
        {...sortable.listeners}
        aria-disabled={!ranking.allowed}
      >
        ⠿
      </button>
      <span className="position muted">{position}</span>
      <TypeIcon type={story.type} />
      <span className="story-key muted">{story.key}</span>
      <StoryLink className="story-title" storyKey={story.key} title={story.title}>
        {story.title}
      </StoryLink>
      {sprintEnd && (
        <span
          className="sprint-end"
          title={`At the team's velocity, sprint ${sprintEnd.sprint} ahead takes the stories down to here`}
        >
          Sprint {sprintEnd.sprint} ends {formatShortDay(sprintEnd.ends)}
        </span>
      )}
      <span className="row-chips">
        <LabelChips labels={story.labels} />
        <EpicChip epic={epic} />
        <ReadinessChip story={story} />
        <DueChip story={story} />
        <SubtaskChip subtasks={story.subtasks} />
      </span>
      {onEstimate ? (
        <PointsSelect story={story} onEstimate={onEstimate} />
      ) : (
        <PointsBadge points={story.points} />
      )}
      {assignee ? <Avatar name={assignee.name} id={assignee.id} /> : <span className="avatar-space" />}
      {ranking.allowed && (
        <span className="row-actions">
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => onMove(story, 'top')}
            aria-label={`Move ${story.key} to top`}
          >
            ⤒
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => onMove(story, 'bottom')}
            aria-label={`Move ${story.key} to bottom`}
          >
            ⤓
          </button>
        </span>
      )}
    </div>
  );
}
