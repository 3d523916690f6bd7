import { buildBoard, compareRanks, type boardResponse, type Story } from '@ordo/domain';
import type { Parsed } from '../../shared/api/client';

export type Board = Parsed<typeof boardResponse>;
export type Column = Board['columns'][number];

const allStories = (board: Board) => board.columns.flatMap((c) => c.stories);

/** Rebuilds the columns from the stories: rank order per status, WIP flags recounted (the domain's rule). */
function rebuild(board: Board, stories: Story[]): Board {
  return {
    ...board,
    columns: buildBoard(
      board.columns.map((c) => c.status),
      stories,
    ),
  };
}

/** The board after `story` changed: it leaves its old column and, if it is (still) in this sprint, joins its status's. */
export function placeOnBoard(board: Board, story: Story): Board {
  const current = allStories(board).find((s) => s.id === story.id);
  if (current && current.version > story.version) return board;
  const others = allStories(board).filter((s) => s.id !== story.id);
  const belongs = board.sprint !== null && story.sprintId === board.sprint.id && !story.deleted;
  return rebuild(board, belongs ? [...others, story] : others);
}

/** The optimistic picture of a drag to another column. */
export function moveCard(board: Board, storyKey: string, statusId: string): Board {
  const story = allStories(board).find((s) => s.key === storyKey);
  return story
    ? rebuild(board, [...allStories(board).filter((s) => s !== story), { ...story, statusId }])
    : board;
}

export interface CardFilter {
  assignee?: string | undefined;
  epic?: string | undefined;
}

/** The cards shown for the daily's filters; the column counts and WIP flags keep counting every story. */
export function filterCards(stories: readonly Story[], { assignee, epic }: CardFilter): Story[] {
  return stories.filter(
    (s) =>
      (!assignee || (assignee === 'unassigned' ? s.assigneeId === null : s.assigneeId === assignee)) &&
      (!epic || s.epicId === epic),
  );
}

/** Swimlanes by epic: one lane per epic that has a card, in first-seen (rank) order, then "No epic". */
export function epicLanes(board: Board): (string | null)[] {
  const lanes = new Set<string | null>();
  for (const s of allStories(board).sort((a, b) => compareRanks(a.rank, b.rank))) lanes.add(s.epicId);
  const ordered = [...lanes].filter((l) => l !== null);
  return lanes.has(null) ? [...ordered, null] : ordered;
}
