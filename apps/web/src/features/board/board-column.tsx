import type { ReactNode } from 'react';
import { useDroppable } from '@dnd-kit/core';
import type { Story } from '@ordo/domain';
import type { Column } from './board-state';

interface Props {
  column: Column;
  /** Droppable id: the status, or lane and status with swimlanes. */
  dropId: string;
  cards: Story[];
  showHeader: boolean;
  renderCard: (story: Story) => ReactNode;
}

/** A workflow status: its cards in the PO's rank order, flagged when over its (soft) WIP limit. */
export function BoardColumn({ column, dropId, cards, showHeader, renderCard }: Props) {
  const drop = useDroppable({ id: dropId, data: { statusId: column.status.id } });
  const count = column.stories.length;
  return (
    <section
      ref={drop.setNodeRef}
      className={`board-column ${drop.isOver ? 'is-over' : ''} ${column.overLimit ? 'over-limit' : ''}`}
      aria-label={`${column.status.name}: ${count} ${count === 1 ? 'story' : 'stories'}`}
      data-status={column.status.name}
    >
      {showHeader && (
        <header className="board-column-header">
          <h2>{column.status.name}</h2>
          <span className="muted">
            {count}
            {column.wipLimit !== null && ` / ${column.wipLimit}`}
          </span>
          {column.overLimit && (
            <span
              className="chip chip-warn"
              title={`More than the WIP limit of ${column.wipLimit}: finish something before starting more`}
            >
              Over WIP limit
            </span>
          )}
        </header>
      )}
      <div className="board-cards">{cards.map(renderCard)}</div>
    </section>
  );
}
