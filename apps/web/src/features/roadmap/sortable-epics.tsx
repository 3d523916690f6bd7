import type { ReactNode } from 'react';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Permission } from '../projects/access';

/**
 * A roadmap's epics as one sortable list, dragged by pointer or keyboard (Space, ↑/↓, Space): `onMove`
 * hears the epic dropped and the index it lands at. Only the ids are drag state; the move is the caller's.
 */
export function SortableEpics({
  ids,
  onMove,
  children,
}: {
  ids: readonly string[];
  onMove: (epicId: string, to: number) => void;
  children: ReactNode;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(String(active.id), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={[...ids]} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/**
 * One epic of a `SortableEpics` list: the props of the element that moves, and its drag handle, which
 * whoever may not rank the roadmap sees disabled with the reason.
 */
export function useSortableEpic(id: string, title: string, ranking: Permission) {
  const sortable = useSortable({ id, disabled: !ranking.allowed });
  const handle = (
    <button
      type="button"
      className="drag-handle"
      aria-label={`Reorder ${title}`}
      title={ranking.allowed ? 'Drag to change the roadmap order' : ranking.reason}
      {...sortable.attributes}
      {...sortable.listeners}
      aria-disabled={!ranking.allowed}
    >
      ⠿
    </button>
  );
  return {
    ref: sortable.setNodeRef,
    style: { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition },
    handle,
  };
}
