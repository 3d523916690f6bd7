import { useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useQuery } from '@tanstack/react-query';
import { isDoneCategory, type Story } from '@ordo/domain';
import { RoleHint } from '../../shared/ui/feedback';
import { useCan } from '../projects/access';
import { useEpicsById, useMembersById } from '../projects/lookups';
import { meQuery } from '../projects/queries';
import { useListStoryEdit } from '../story/use-story-actions';
import { BoardCard, BoardCardFace } from './board-card';
import { BoardColumn } from './board-column';
import { epicLanes, filterCards, placeOnBoard, type Board, type CardFilter } from './board-state';
import { boardKey } from './queries';
import { useTransition } from './use-transition';

interface Props {
  projectKey: string;
  board: Board;
  filter: CardFilter;
  byEpic: boolean;
}

/** The columns (in lanes when asked); dropping a card in another column transitions it. */
export function BoardColumns({ projectKey, board, filter, byEpic }: Props) {
  const moving = useCan('story.transition');
  const transition = useTransition(projectKey);
  const assigning = useCan('story.assign');
  const me = useQuery(meQuery).data?.user;
  const assign = useListStoryEdit<Board>(projectKey, boardKey(projectKey), placeOnBoard);
  const take =
    assigning.allowed && me
      ? (story: Story) => assign.mutate({ story, fields: { assigneeId: me.id } })
      : undefined;
  const epics = useEpicsById(projectKey);
  const members = useMembersById(projectKey);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor),
  );
  const { columns } = board;
  // The card being dragged floats in an overlay: moving the card itself widened the board, which then scrolled
  // itself under the pointer and dropped the card in the wrong column.
  const [dragged, setDragged] = useState<Story | null>(null);
  // The card moved with Alt+←/→ re-mounts in its new column; it takes the focus back so the next press works.
  const [stepped, setStepped] = useState<string | null>(null);
  const move = (story: Story, statusId: string | undefined) => {
    if (statusId && statusId !== story.statusId) transition.mutate({ storyKey: story.key, statusId });
  };
  const onDragStart = ({ active }: DragStartEvent) =>
    setDragged((active.data.current?.story as Story | undefined) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const story = active.data.current?.story as Story | undefined;
    if (story && over) move(story, over.data.current?.statusId as string | undefined);
  };
  const onStep = (story: Story, step: -1 | 1) => {
    const index = columns.findIndex((c) => c.status.id === story.statusId);
    setStepped(story.key);
    move(story, columns[index + step]?.status.id);
  };
  const card = (story: Story) => (
    <BoardCard
      key={story.id}
      projectKey={projectKey}
      story={story}
      epic={story.epicId ? epics.get(story.epicId) : undefined}
      assignee={story.assigneeId ? members.get(story.assigneeId)?.user : undefined}
      isDone={isDoneCategory(columns.find((c) => c.status.id === story.statusId)?.status.category)}
      moving={moving}
      onStep={onStep}
      onTake={take}
      blockedBy={board.blockedBy[story.key]}
      isStepped={stepped === story.key}
    />
  );
  const lanes: (string | null | undefined)[] = byEpic ? epicLanes(board) : [undefined];
  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
    >
      {!moving.allowed && <RoleHint reason={moving.reason} />}
      <div
        className="board"
        onFocus={(e) => stepped && e.target.getAttribute('data-story') !== stepped && setStepped(null)}
      >
        {lanes.map((lane, i) => (
          <div key={lane ?? `lane-${i}`} className="board-lane">
            {lane !== undefined && (
              <h3 className="lane-title">{lane === null ? 'No epic' : (epics.get(lane)?.title ?? 'Epic')}</h3>
            )}
            <div
              className="board-row"
              style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(220px, 1fr))` }}
            >
              {columns.map((column) => (
                <BoardColumn
                  key={column.status.id}
                  column={column}
                  dropId={`${lane ?? 'all'}:${column.status.id}`}
                  showHeader={i === 0}
                  cards={filterCards(column.stories, filter).filter(
                    (s) => lane === undefined || s.epicId === lane,
                  )}
                  renderCard={card}
                />
              ))}
            </div>
          </div>
        ))}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragged && <BoardCardFace story={dragged} className="board-card card overlay" />}
      </DragOverlay>
    </DndContext>
  );
}
