import { z } from 'zod';
import type { ProjectEvent } from './schemas/event';

/** Reading a sprint's past out of the event log (see `events.ts` for what each event carries). */
export type LoggedEvent = Pick<ProjectEvent, 'seq' | 'type' | 'at' | 'data'>;

/** The part of a story event's `data.story` the reports need (read leniently: the log is history, not input). */
const snapshotSchema = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  points: z.number().nullable(),
  sprintId: z.string().nullable(),
  statusId: z.string(),
  accepted: z.boolean(),
  deleted: z.boolean(),
});
export type StorySnapshot = z.infer<typeof snapshotSchema>;

const storyEvent = z.object({ story: snapshotSchema });
const sprintEvent = z.object({ sprint: z.object({ id: z.string() }) });

/** The story as it was after this event, or null for an event that is not about a story. */
export function storySnapshot(event: LoggedEvent): StorySnapshot | null {
  const parsed = storyEvent.safeParse(event.data);
  return parsed.success ? parsed.data.story : null;
}

/** Each story's last state as of event `untilSeq` (included), or as of the newest event. */
export function replay(sorted: readonly LoggedEvent[], untilSeq?: number): Map<string, StorySnapshot> {
  const stories = new Map<string, StorySnapshot>();
  for (const event of sorted) {
    if (untilSeq !== undefined && event.seq > untilSeq) break;
    const snapshot = storySnapshot(event);
    if (snapshot) stories.set(snapshot.id, snapshot);
  }
  return stories;
}

const eventOf = (sorted: readonly LoggedEvent[], type: string, sprintId: string) =>
  sorted.find((e) => e.type === type && sprintEvent.safeParse(e.data).data?.sprint.id === sprintId);

/** When the sprint started and completed, as events of the log (undefined while it has not). */
export function sprintMilestones(sorted: readonly LoggedEvent[], sprintId: string) {
  return {
    started: eventOf(sorted, 'sprint.started', sprintId),
    completed: eventOf(sorted, 'sprint.completed', sprintId),
  };
}
