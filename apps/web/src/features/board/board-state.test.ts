import { describe, expect, it } from 'vitest';
import { buildBoard, rankBetween } from '@ordo/domain';
import { DOING, DONE, STATUSES, TODO, makeSprint, rankedStories } from '../../test/fixtures';
import { epicLanes, filterCards, moveCard, placeOnBoard, type Board } from './board-state';

const sprint = makeSprint({ state: 'active' });
function boardOf(count: number): Board {
  return {
    sprint,
    columns: buildBoard(STATUSES, rankedStories(count, { sprintId: sprint.id })),
    blockedBy: {},
  };
}
const column = (board: Board, statusId: string) => board.columns.find((c) => c.status.id === statusId)!;
const keys = (board: Board, statusId: string) => column(board, statusId).stories.map((s) => s.key);

describe('moveCard', () => {
  it('moves a card to another column in rank order', () => {
    const board = boardOf(3);
    const [a, b] = column(board, TODO).stories;
    const moved = moveCard(moveCard(board, b!.key, DOING), a!.key, DOING);
    expect(keys(moved, DOING)).toEqual([a!.key, b!.key]);
    expect(column(moved, TODO).stories).toHaveLength(1);
  });
  it('flags a column over its WIP limit', () => {
    let board = boardOf(3);
    for (const s of column(board, TODO).stories) board = moveCard(board, s.key, DOING);
    expect(column(board, DOING).overLimit).toBe(true);
  });
});

describe('placeOnBoard', () => {
  it('applies a transition from the live feed', () => {
    const board = boardOf(2);
    const story = column(board, TODO).stories[0]!;
    const next = placeOnBoard(board, { ...story, statusId: DONE, version: 2 });
    expect(keys(next, DONE)).toEqual([story.key]);
  });
  it('ignores an older copy than the one shown', () => {
    const fresh = boardOf(1);
    const board = placeOnBoard(fresh, { ...column(fresh, TODO).stories[0]!, version: 5 });
    const story = column(board, TODO).stories[0]!;
    expect(placeOnBoard(board, { ...story, statusId: DONE, version: 4 })).toBe(board);
  });
  it('drops a story that left the sprint and adds one that joined', () => {
    const board = boardOf(2);
    const leaving = column(board, TODO).stories[0]!;
    expect(keys(placeOnBoard(board, { ...leaving, sprintId: null, version: 2 }), TODO)).toHaveLength(1);
    const joining = { ...leaving, id: 'other', key: 'SHOP-999', rank: rankBetween(null, leaving.rank) };
    expect(keys(placeOnBoard(board, joining), TODO)[0]).toBe('SHOP-999');
  });
});

describe('filterCards and epicLanes', () => {
  const board = boardOf(3);
  const [a, b, c] = column(board, TODO).stories;
  const withEpics = placeOnBoard(
    placeOnBoard(board, { ...b!, epicId: 'epic-1', assigneeId: 'u1', version: 2 }),
    { ...c!, epicId: 'epic-1', version: 2 },
  );
  it('filters by assignee, unassigned, and epic', () => {
    const stories = column(withEpics, TODO).stories;
    expect(filterCards(stories, { assignee: 'u1' }).map((s) => s.key)).toEqual([b!.key]);
    expect(filterCards(stories, { assignee: 'unassigned' })).toHaveLength(2);
    expect(filterCards(stories, { epic: 'epic-1' })).toHaveLength(2);
    expect(filterCards(stories, {})).toHaveLength(3);
  });
  it('lists epic lanes in rank order with "no epic" last', () => {
    expect(epicLanes(withEpics)).toEqual(['epic-1', null]);
    expect(a!.epicId).toBeNull();
  });
});
