import type { QueryClient, QueryKey } from '@tanstack/react-query';
import {
  doneStatusIds,
  isInBacklog,
  isReady,
  storyOfEvent,
  summarizeStory,
  type BacklogFilter,
  type ProjectEvent,
  type Story,
  type StorySummary,
} from '@ordo/domain';
import { upsertByRank } from '../features/backlog/backlog-order';
import { backlogKeys, isUnfiltered } from '../features/backlog/queries';
import { placeOnBoard, type Board } from '../features/board/board-state';
import { boardKey } from '../features/board/queries';
import { sprintKeys, type SprintDetail } from '../features/planning/queries';
import { projectKeys, projectQuery } from '../features/projects/queries';
import { storyKeys } from '../features/story/queries';
import { epicKeys } from '../features/roadmap/queries';
import { feedbackKey } from '../features/feedback/queries';
import { storyListKeys } from '../features/stories/queries';

const doneStatusesOf = (client: QueryClient, key: string) =>
  doneStatusIds(client.getQueryData(projectQuery(key).queryKey)?.statuses ?? []);

/** The whole backlog is updated in place; a filtered one may gain or lose the story, so it asks the server. */
function applyToBacklogs(client: QueryClient, key: string, story: Story) {
  const belongs = isInBacklog(story, doneStatusesOf(client, key));
  for (const [queryKey, data] of client.getQueriesData<{ items: StorySummary[] }>({
    queryKey: backlogKeys.all(key),
  })) {
    const filter = (queryKey[3] ?? {}) as BacklogFilter;
    if (!data) continue;
    if (isUnfiltered(filter))
      client.setQueryData(queryKey, { items: upsertByRank(data.items, summarizeStory(story), belongs) });
    else void client.invalidateQueries({ queryKey, exact: true });
  }
}

function applyToSprints(client: QueryClient, story: Story, key: string) {
  for (const [queryKey, data] of client.getQueriesData<SprintDetail>({ queryKey: sprintKeys.details(key) })) {
    if (!data) continue;
    const belongs = story.sprintId === data.sprint.id && !story.deleted;
    const stories = upsertByRank(data.stories, { ...story, ready: isReady(story) }, belongs);
    client.setQueryData(queryKey, { ...data, stories });
  }
}

/** A story event carries the whole story after the change: every cached view of it is updated in place. */
function applyStory(client: QueryClient, key: string, story: Story) {
  client.setQueryData<{ story: Story }>(storyKeys.detail(key, story.key), (old) =>
    // `watching` is the reader's own (events carry no one's view): it stays as the reader's copy had it.
    old && old.story.version > story.version ? old : { story: { ...story, watching: old?.story.watching } },
  );
  applyToBacklogs(client, key, story);
  const board = client.getQueryData<Board>(boardKey(key));
  client.setQueryData<Board>(boardKey(key), (board) => board && placeOnBoard(board, story));
  // A blocker done (or deleted, or reopened) changes the warning on the cards it blocks: the server knows which.
  if (board && Object.values(board.blockedBy).some((keys) => keys.includes(story.key)))
    void client.invalidateQueries({ queryKey: boardKey(key) });
  applyToSprints(client, story, key);
  void client.invalidateQueries({ queryKey: storyKeys.history(key, story.key) });
}

/** What else an event makes stale, by the part of the project it touches. */
function staleKeys(key: string, event: ProjectEvent, storyKey: string | undefined): QueryKey[] {
  const area = event.type.split('.')[0];
  switch (area) {
    case 'story':
      // The All-stories list is paged by the server's sort: it asks again rather than guess a story's page.
      return [epicKeys.roadmap(key), sprintKeys.reports(key), storyListKeys.all(key)];
    case 'link':
      // Both stories of the link show it, and a card's blocker warning may come or go.
      return [storyKeys.all(key), boardKey(key), storyListKeys.all(key), epicKeys.roadmap(key)];
    case 'comment':
      return storyKey
        ? [storyKeys.comments(key, storyKey), storyKeys.history(key, storyKey)]
        : [storyKeys.all(key)];
    case 'sprint':
    case 'retro':
      return [
        sprintKeys.all(key),
        sprintKeys.reports(key),
        boardKey(key),
        backlogKeys.all(key),
        storyListKeys.all(key),
        epicKeys.roadmap(key),
      ];
    case 'epic':
    case 'roadmap':
      return [epicKeys.all(key), epicKeys.roadmap(key)];
    case 'feedback':
      return [feedbackKey(key), epicKeys.roadmap(key)];
    default:
      return [projectKeys.all(key)];
  }
}

export function applyEvent(client: QueryClient, key: string, event: ProjectEvent) {
  const story = storyOfEvent(event);
  if (story) applyStory(client, key, story);
  for (const queryKey of staleKeys(key, event, story?.key)) void client.invalidateQueries({ queryKey });
}
