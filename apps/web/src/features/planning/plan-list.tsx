import type { ReactNode } from 'react';
import { useDroppable } from '@dnd-kit/core';
import type { PlanStory } from './planning-state';
import type { Permission } from '../projects/access';
import { PlanItem, type PlanSide } from './plan-item';

interface Props {
  side: PlanSide;
  label: string;
  stories: readonly PlanStory[];
  planning: Permission;
  onMove: (story: PlanStory, joins: boolean) => void;
  empty: ReactNode;
}

/** One side of sprint planning, a drop target for stories from the other side. */
export function PlanList({ side, label, stories, planning, onMove, empty }: Props) {
  const drop = useDroppable({ id: side });
  return (
    <div ref={drop.setNodeRef} className={`plan-list ${drop.isOver ? 'is-over' : ''}`} data-side={side}>
      {stories.length === 0 ? (
        <div className="empty">{empty}</div>
      ) : (
        <ul aria-label={label}>
          {stories.map((story) => (
            <PlanItem key={story.id} story={story} side={side} planning={planning} onMove={onMove} />
          ))}
        </ul>
      )}
    </div>
  );
}
