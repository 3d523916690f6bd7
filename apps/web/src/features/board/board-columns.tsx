import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { useQuery } from '@tanstack/react-query';
import type { Story } from '@ordo/domain';
import { RoleHint } from '../../shared/ui/feedback';
import { useCan } from '../projects/access';
import { useEpicsById, useMembersById } from '../projects/lookups';
import { meQuery } from '../projects/queries';
import { useListStoryEdit } from '../story/use-story-actions';
import { BoardCard } from './board-card';
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
  const take = assigning.allowed && me ? (story: Story) => assign.mutate({ story, fields: { assigneeId: me.id } }) : undefined;
  const epics = useEpicsById(projectKey);
  const members = useMembersById(projectKey);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor));
  const { columns } = board;
  const move = (story: Story, statusId: string | undefined) => {
    if (statusId && statusId !== story.statusId) transition.mutate({ storyKey: story.key, statusId });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const story = active.data.current?.story as Story | undefined;
    if (story && over) move(story, over.data.current?.statusId as string | undefined);
  };
  const onStep = (story: Story, step: -1 | 1) => {
    const index = columns.findIndex((c) => c.status.id === story.statusId);
    move(story, columns[index + step]?.status.id);
  };
  const card = (story: Story) => (
    <BoardCard
      key={story.id}
      projectKey={projectKey}
      story={story}
      epic={story.epicId ? epics.get(story.epicId) : undefined}
      assignee={story.assigneeId ? members.get(story.assigneeId)?.user : undefined}
      isDone={columns.find((c) => c.status.id === story.statusId)?.status.category === 'done'}
      moving={moving}
      onStep={onStep}
      onTake={take}
    />
  );
  const lanes: (string | null | undefined)[] = byEpic ? epicLanes(board) : [undefined];
  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      {!moving.allowed && <RoleHint reason={moving.reason} />}
      <div className="board">
        {lanes.map((lane, i) => (
          <div key={lane ?? `lane-${i}`} className="board-lane">
            {lane !== undefined && <h3 className="lane-title">{lane === null ? 'No epic' : (epics.get(lane)?.title ?? 'Epic')}</h3>}
            <div className="board-row" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(220px, 1fr))` }}>
              {columns.map((column) => (
                <BoardColumn
                  key={column.status.id}
                  column={column}
                  dropId={`${lane ?? 'all'}:${column.status.id}`}
                  showHeader={i === 0}
                  cards={filterCards(column.stories, filter).filter((s) => lane === undefined || s.epicId === lane)}
                  renderCard={card}
                />
              ))}
            </div>
          </div>
        ))}
      </div>
    </DndContext>
  );
}
