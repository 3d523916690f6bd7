import { useEffect, useRef, type KeyboardEvent } from 'react';
import { StoryLink } from '../story/story-link';
import { useDraggable } from '@dnd-kit/core';
import type { Epic, Story } from '@ordo/domain';
import { Avatar } from '../../shared/ui/avatar';
import { BlockedChip, DueChip, SubtaskChip, EpicChip, PointsBadge, TypeIcon } from '../story/story-chips';
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
  /** The card just moved by keyboard: it takes the focus when it appears in its new column. */
  isStepped?: boolean;
  /** Keys of the stories not done yet that block this one. */
  blockedBy?: readonly string[];
}

/** What a dragged card looks like under the pointer. */
export function BoardCardFace({ story, className }: { story: Story; className: string }) {
  return (
    <article className={className} aria-hidden="true">
      <span className="board-card-title">{story.title}</span>
      <div className="board-card-meta">
        <TypeIcon type={story.type} />
        <span className="story-key muted">{story.key}</span>
        <span className="spacer" />
        <PointsBadge points={story.points} />
      </div>
    </article>
  );
}

export function BoardCard({
  projectKey,
  story,
  epic,
  assignee,
  isDone,
  moving,
  onStep,
  onTake,
  isStepped,
  blockedBy,
}: Props) {
  const drag = useDraggable({ id: story.key, data: { story }, disabled: !moving.allowed });
  const node = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (isStepped) node.current?.focus();
  }, [isStepped, story.statusId]);
  // Alt+arrows are ours; every other key goes on to dnd-kit's keyboard sensor (Space picks the card up).
  const onKeyDown = (e: KeyboardEvent) => {
    if (moving.allowed && e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      onStep(story, e.key === 'ArrowLeft' ? -1 : 1);
    } else if (e.target === e.currentTarget) {
      // Enter on the title link opens the story; only keys on the card itself pick it up.
      drag.listeners?.onKeyDown?.(e);
    }
  };
  return (
    <article
      ref={(element) => {
        node.current = element;
        drag.setNodeRef(element);
      }}
      className={`board-card card ${drag.isDragging ? 'is-dragging' : ''}`}
      data-story={story.key}
      aria-label={`${story.key} ${story.title}`}
      title={moving.allowed ? 'Drag to another column, or press Alt+← / Alt+→' : moving.reason}
      {...drag.attributes}
      {...drag.listeners}
      onKeyDown={onKeyDown}
    >
      <StoryLink
        storyKey={story.key}
        className="board-card-title"
        title={story.title}
        onPointerDown={(e) => e.stopPropagation()}
      >
        {story.title}
      </StoryLink>
      <div className="board-card-meta">
        <TypeIcon type={story.type} />
        <span className="story-key muted">{story.key}</span>
        <EpicChip epic={epic} />
        <DueChip story={story} isDone={isDone} />
        <SubtaskChip subtasks={story.subtasks} />
        <BlockedChip blockedBy={blockedBy} />
        <span className="spacer" />
        <PointsBadge points={story.points} />
        {assignee && <Avatar name={assignee.name} id={assignee.id} />}
        {!story.assigneeId && onTake && (
          <button
            type="button"
            className="btn btn-small"
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => onTake(story)}
          >
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
