import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import type { Epic, Story } from '@ordo/domain';
import { Avatar } from '../../shared/ui/avatar';
import { EpicChip, PointsBadge, TypeIcon } from '../story/story-chips';
import { AcceptanceControls } from '../story/acceptance-controls';
import type { Permission } from '../projects/access';

interface Props {
  projectKey: string;
  story: Story;
  epic: Epic | undefined;
  assignee: { id: string; name: string } | undefined;
  isDone: boolean;
  moving: Permission;
  /** Alt+←/→: to the previous or next column, for keyboard users. */
  onStep: (story: Story, step: -1 | 1) => void;
  /** Set when the member may assign: an unassigned card offers "Take it". */
  onTake?: (story: Story) => void;
}

export function BoardCard({ projectKey, story, epic, assignee, isDone, moving, onStep, onTake }: Props) {
  const drag = useDraggable({ id: story.key, data: { story }, disabled: !moving.allowed });
  // Alt+arrows are ours; every other key goes on to dnd-kit's keyboard sensor (Space picks the card up).
  const onKeyDown = (e: KeyboardEvent) => {
    if (!moving.allowed || !e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return drag.listeners?.onKeyDown?.(e);
    e.preventDefault();
    onStep(story, e.key === 'ArrowLeft' ? -1 : 1);
  };
  return (
    <article
      ref={drag.setNodeRef}
      style={{ transform: CSS.Translate.toString(drag.transform) }}
      className={`board-card card ${drag.isDragging ? 'is-dragging' : ''}`}
      data-story={story.key}
      aria-label={`${story.key} ${story.title}`}
      title={moving.allowed ? 'Drag to another column, or press Alt+← / Alt+→' : moving.reason}
      {...drag.attributes}
      {...drag.listeners}
      onKeyDown={onKeyDown}
    >
      <Link to={`../stories/${story.key}`} relative="path" className="board-card-title" title={story.title} onPointerDown={(e) => e.stopPropagation()}>
        {story.title}
      </Link>
      <div className="board-card-meta">
        <TypeIcon type={story.type} />
        <span className="story-key muted">{story.key}</span>
        <EpicChip epic={epic} />
        <span className="spacer" />
        <PointsBadge points={story.points} />
        {assignee && <Avatar name={assignee.name} id={assignee.id} />}
        {!story.assigneeId && onTake && (
          <button type="button" className="btn btn-small" onPointerDown={(e) => e.stopPropagation()} onClick={() => onTake(story)}>
            Take it
          </button>
        )}
      </div>
      {isDone && (
        <div onPointerDown={(e) => e.stopPropagation()}>
          <AcceptanceControls projectKey={projectKey} story={story} isDone={isDone} />
        </div>
      )}
    </article>
  );
}
