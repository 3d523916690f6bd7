import { useDraggable } from '@dnd-kit/core';
import type { PlanStory } from './planning-state';
import { PointsBadge, ReadinessChip, TypeIcon } from '../story/story-chips';
import type { Permission } from '../projects/access';
import { StoryLink } from '../story/story-link';

export type PlanSide = 'backlog' | 'sprint';

interface Props {
  story: PlanStory;
  side: PlanSide;
  planning: Permission;
  onMove: (story: PlanStory, joins: boolean) => void;
}

/** What a story shows in planning; also drawn in the drag overlay, which floats above both scrolling lists. */
export function PlanItemFace({ story }: { story: PlanStory }) {
  return (
    <>
      <TypeIcon type={story.type} />
      <span className="story-key muted">{story.key}</span>
      {/* No stopPropagation here: a plan item is dragged by its title too; a click without a drag opens the story. */}
      <StoryLink className="story-title" storyKey={story.key} title={story.title}>
        {story.title}
      </StoryLink>
      <ReadinessChip story={story} />
      <PointsBadge points={story.points} />
    </>
  );
}

/** A story in sprint planning: drag it across, or use its button (the keyboard way). */
export function PlanItem({ story, side, planning, onMove }: Props) {
  const drag = useDraggable({ id: story.key, data: { story, side }, disabled: !planning.allowed });
  const joins = side === 'backlog';
  return (
    <li
      ref={drag.setNodeRef}
      className={`plan-item ${drag.isDragging ? 'is-dragging' : ''}`}
      data-story={story.key}
      {...drag.listeners}
      {...drag.attributes}
      tabIndex={-1}
    >
      <PlanItemFace story={story} />
      {planning.allowed && (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label={joins ? `Add ${story.key} to the sprint` : `Send ${story.key} back to the backlog`}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => onMove(story, joins)}
        >
          {joins ? '→' : '←'}
        </button>
      )}
    </li>
  );
}
