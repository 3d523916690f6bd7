import WebSocket from 'ws';
import { startLiveSync, type LiveSync, type LiveSyncOptions } from '@ordo/client';
import type { ProjectEvent } from '@ordo/domain';
import { Client } from './harness';
import { lastSeqOf, liveUrl } from './live-socket';

/** The part of a story a follower keeps, and compares with the server's at the end. */
export type StoryView = { key: string; title: string; rank: string; version: number };
export const viewOf = (story: StoryView): StoryView => ({
  key: story.key,
  title: story.title,
  rank: story.rank,
  version: story.version,
});

/**
 * A member following a project with `@ordo/client` over real sockets, as the web app does: its copy of the
 * backlog, which seqs it saw how often, and which it skipped because it was told to resync and refetched.
 */
export interface Follower {
  live: LiveSync;
  stories: Map<string, StoryView>;
  seen: Map<number, number>;
  /** The highest seq covered by a refetch (the first load included). */
  refetchedUpTo: number;
  resyncs: number;
  /** Cuts the current connection, as a network drop would. */
  cut(): void;
  /** Leaves the project (closes the client), to rejoin later from where it was. */
  leave(): void;
  rejoin(): void;
}

export interface FollowOptions {
  /** The instances' base URLs; each connection goes to one of them, picked by `pick`. */
  urls: string[];
  member: Client;
  key: string;
  pick?: (urls: string[]) => string;
  backoff?: LiveSyncOptions['backoff'];
  onState?: LiveSyncOptions['onState'];
}

export async function follow(options: FollowOptions): Promise<Follower> {
  const { urls, member, key } = options;
  const pick = options.pick ?? ((all: string[]) => all[0]!);
  const as = (url: string) => new Client(url, member.token, member.user);
  let socket: WebSocket | undefined;

  async function refetch() {
    const client = as(pick(urls));
    const seq = await lastSeqOf(client, key);
    const backlog = await client.get(`/api/projects/${key}/backlog`);
    for (const story of backlog.body.items as StoryView[]) follower.stories.set(story.key, viewOf(story));
    follower.refetchedUpTo = Math.max(follower.refetchedUpTo, seq);
    return seq;
  }

  function apply(event: ProjectEvent) {
    follower.seen.set(event.seq, (follower.seen.get(event.seq) ?? 0) + 1);
    const story = event.data.story as StoryView | undefined;
    if (story) follower.stories.set(story.key, viewOf(story));
  }

  const start = (since: number) =>
    startLiveSync({
      url: liveUrl(urls[0]!),
      // The factory plays the load balancer: each connection goes to an instance of `pick`'s choosing.
      socket: () =>
        (socket = new WebSocket(liveUrl(pick(urls)), {
          headers: { authorization: `Bearer ${member.token}` },
        })),
      project: key,
      since,
      onEvent: apply,
      onResync: () => {
        follower.resyncs++;
        return refetch();
      },
      backoff: options.backoff ?? { initialMs: 20, maxMs: 200 },
      onState: options.onState,
    });

  const follower: Follower = {
    live: undefined as unknown as LiveSync,
    stories: new Map(),
    seen: new Map(),
    refetchedUpTo: 0,
    resyncs: 0,
    cut: () => socket?.terminate(),
    leave: () => follower.live.close(),
    rejoin: () => {
      follower.live = start(follower.live.lastSeq);
    },
  };
  follower.live = start(await refetch());
  return follower;
}

/** Waits, within a bound, until the follower has caught up with `seq`. */
export async function caughtUp(follower: Follower, seq: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (follower.live.lastSeq < seq) {
    if (Date.now() > deadline)
      throw new Error(`follower stuck at ${follower.live.lastSeq} of ${seq} (${follower.live.state})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every seq up to `last` seen exactly once, or skipped because a refetch covered it; never twice. */
export function coverageProblems(follower: Follower, last: number): string[] {
  const problems: string[] = [];
  for (let seq = 1; seq <= last; seq++) {
    const count = follower.seen.get(seq) ?? 0;
    if (count > 1) problems.push(`seq ${seq} seen ${count} times`);
    if (count === 0 && seq > follower.refetchedUpTo) problems.push(`seq ${seq} missed`);
  }
  return problems;
}
