import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { buildBoard, EVENT_SCHEMAS, rankBetween, type ProjectEvent, type Story } from '@ordo/domain';
import { DOING, DONE, STATUSES, TODO, makeSprint, rankedStories } from '../test/fixtures';
import { backlogKeys } from '../features/backlog/queries';
import type { Board } from '../features/board/board-state';
import { boardKey } from '../features/board/queries';
import { projectKeys } from '../features/projects/queries';
import { storyKeys } from '../features/story/queries';
import { applyEvent } from './apply-event';

const KEY = 'SHOP';
type Kind = 'story.ranked' | 'story.transitioned' | 'story.updated' | 'sprint.story_added';
/** What each type carries besides the story: the cache reads only the story, but the event is whole. */
const besides = (type: Kind, story: Story) =>
  ({
    'story.ranked': { from: { rank: rankBetween(null, null) }, to: { rank: story.rank } },
    'story.transitioned': { from: { statusId: TODO } },
    'story.updated': { from: { title: 'Before' } },
    'sprint.story_added': { sprintId: story.sprintId },
  })[type];
/** A logged event as the server sends it, checked against its type's schema. */
const event = (type: Kind, story: Story, seq = 10): ProjectEvent => ({
  seq,
  type,
  actor: { id: null, name: 'Ana' },
  at: '2025-01-01T00:00:00.000Z',
  data: EVENT_SCHEMAS[type].parse({ story, ...besides(type, story) }),
});

function cacheWith(backlog: Story[], board?: Board) {
  const client = new QueryClient();
  client.setQueryData(projectKeys.all(KEY), { statuses: STATUSES });
  client.setQueryData(backlogKeys.filtered(KEY, {}), { items: backlog });
  client.setQueryData(backlogKeys.filtered(KEY, { label: 'mobile' }), { items: backlog });
  if (board) client.setQueryData(boardKey(KEY), board);
  return client;
}
const backlogKeysOf = (client: QueryClient) =>
  client.getQueryData<{ items: Story[] }>(backlogKeys.filtered(KEY, {}))!.items.map((s) => s.key);

describe('applyEvent', () => {
  it('moves a re-ranked story in the whole backlog and refetches the filtered ones', () => {
    const [a, b, c] = rankedStories(3);
    const client = cacheWith([a!, b!, c!]);
    applyEvent(client, KEY, event('story.ranked', { ...c!, rank: rankBetween(null, a!.rank), version: 2 }));
    expect(backlogKeysOf(client)).toEqual([c!.key, a!.key, b!.key]);
    expect(client.getQueryState(backlogKeys.filtered(KEY, { label: 'mobile' }))?.isInvalidated).toBe(true);
  });

  it('takes a story out of the backlog when it is done or joins a sprint', () => {
    const [a, b] = rankedStories(2);
    const client = cacheWith([a!, b!]);
    applyEvent(client, KEY, event('story.transitioned', { ...a!, statusId: DONE, version: 2 }));
    applyEvent(client, KEY, event('sprint.story_added', { ...b!, sprintId: makeSprint().id, version: 2 }));
    expect(backlogKeysOf(client)).toEqual([]);
  });

  it('moves a card on the board and updates the open story', () => {
    const sprint = makeSprint({ state: 'active' });
    const [a] = rankedStories(1, { sprintId: sprint.id });
    const client = cacheWith([], { sprint, columns: buildBoard(STATUSES, [a!]), blockedBy: {} });
    client.setQueryData(storyKeys.detail(KEY, a!.key), { story: a });
    applyEvent(client, KEY, event('story.transitioned', { ...a!, statusId: DOING, version: 2 }));
    const board = client.getQueryData<Board>(boardKey(KEY))!;
    expect(board.columns.find((c) => c.status.id === DOING)?.stories.map((s) => s.key)).toEqual([a!.key]);
    expect(client.getQueryData<{ story: Story }>(storyKeys.detail(KEY, a!.key))?.story.statusId).toBe(DOING);
  });

  it('asks the board again when a story some card names as its blocker changes, and only then', () => {
    const sprint = makeSprint({ state: 'active' });
    const [card, blocker, other] = rankedStories(3, { sprintId: sprint.id });
    const client = cacheWith([], {
      sprint,
      columns: buildBoard(STATUSES, [card!]),
      blockedBy: { [card!.key]: [blocker!.key] },
    });
    const isStale = () => client.getQueryState(boardKey(KEY))?.isInvalidated;
    applyEvent(client, KEY, event('story.updated', { ...other!, sprintId: null, version: 2 }));
    expect(isStale()).toBe(false);
    applyEvent(
      client,
      KEY,
      event('story.transitioned', { ...blocker!, sprintId: null, statusId: DONE, version: 2 }),
    );
    expect(isStale()).toBe(true);
  });

  it('does not let an old event overwrite a newer story', () => {
    const [a] = rankedStories(1);
    const client = cacheWith([]);
    client.setQueryData(storyKeys.detail(KEY, a!.key), { story: { ...a!, title: 'Newer', version: 5 } });
    applyEvent(client, KEY, event('story.updated', { ...a!, title: 'Older', version: 4 }));
    expect(client.getQueryData<{ story: Story }>(storyKeys.detail(KEY, a!.key))?.story.title).toBe('Newer');
  });
});
