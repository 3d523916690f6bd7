import { useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { SprintMarker, StorySummary } from '@ordo/domain';
import { useRovingList } from '../keyboard/use-roving-list';
import type { Permission } from '../projects/access';
import { useEpicsById, useMembersById } from '../projects/lookups';
import { BacklogRow, type MoveTo } from './backlog-row';

const ROW_HEIGHT = 44;

interface Props {
  projectKey: string;
  stories: StorySummary[];
  /** False while only the first rows are here: the list says it is busy (`aria-busy`). */
  isComplete: boolean;
  ranking: Permission;
  onReorder: (storyKey: string, to: number) => void;
  onMove: (story: StorySummary, to: MoveTo) => void;
  onEstimate?: (story: StorySummary, points: number | null) => void;
  /** By row index: the coming sprint that ends with that story. */
  sprintEnds: ReadonlyMap<number, SprintMarker>;
}

/** Only the rows on screen are in the DOM (5,000 stories scroll smoothly); the one being dragged floats in an overlay. */
export function BacklogList({
  projectKey,
  stories,
  isComplete,
  ranking,
  onReorder,
  onMove,
  onEstimate,
  sprintEnds,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // One Tab stop for the list, ↑/↓ between rows, ←/→ to a row's handle, points and buttons.
  useRovingList(scrollRef);
  const [dragged, setDragged] = useState<string | null>(null);
  const epics = useEpicsById(projectKey);
  const members = useMembersById(projectKey);
  const virtualizer = useVirtualizer({
    count: stories.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => stories[i]?.key ?? i,
  });
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    if (over && active.id !== over.id)
      onReorder(
        String(active.id),
        stories.findIndex((s) => s.key === over.id),
      );
  };
  const row = (story: StorySummary, index: number) => {
    const assignee = story.assigneeId ? members.get(story.assigneeId)?.user : undefined;
    const epic = story.epicId ? epics.get(story.epicId) : undefined;
    return (
      <BacklogRow
        story={story}
        position={index + 1}
        epic={epic}
        assignee={assignee}
        ranking={ranking}
        onMove={onMove}
        onEstimate={onEstimate}
        sprintEnd={sprintEnds.get(index)}
      />
    );
  };
  const draggedIndex = dragged ? stories.findIndex((s) => s.key === dragged) : -1;
  const draggedStory = stories[draggedIndex];
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragStart={({ active }) => setDragged(String(active.id))}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
    >
      <SortableContext items={stories.map((s) => s.key)} strategy={verticalListSortingStrategy}>
        <div
          ref={scrollRef}
          className="backlog-scroll"
          role="list"
          aria-label="Product backlog"
          aria-busy={!isComplete}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const story = stories[item.index];
              return (
                story && (
                  <div
                    key={item.key}
                    role="listitem"
                    style={{ position: 'absolute', top: item.start, left: 0, right: 0 }}
                  >
                    {row(story, item.index)}
                  </div>
                )
              );
            })}
          </div>
        </div>
      </SortableContext>
      <DragOverlay>
        {draggedStory && <div className="overlay">{row(draggedStory, draggedIndex)}</div>}
      </DragOverlay>
    </DndContext>
  );
}
