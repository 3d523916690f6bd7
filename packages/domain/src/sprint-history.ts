import { EVENT_SCHEMAS, storyOfEvent } from './events';
import type { ProjectEvent } from './schemas/event';
import type { Story } from './schemas/story';

/** Reading a sprint's past out of the event log (see `events.ts` for what each event carries). */
export type LoggedEvent = Pick<ProjectEvent, 'seq' | 'type' | 'at' | 'data'>;

/** One event of the log as the reports replay it: the story it carries after the change, if any. */
export interface ReadEvent {
  seq: number;
  at: string;
  story: Story | null;
}

/** The log of a sprint's reports in seq order, and when the sprint started and completed (if it has). */
export interface SprintLog {
  events: ReadEvent[];
  started: ReadEvent | undefined;
  completed: ReadEvent | undefined;
}

type Milestone = 'sprint.started' | 'sprint.completed';
const isMilestone = (event: LoggedEvent, type: Milestone, sprintId: string) =>
  event.type === type && EVENT_SCHEMAS[type].safeParse(event.data).data?.sprint.id === sprintId;

/**
 * Each event parsed once by the event vocabulary's schemas (a story that does not fit is no story: the log
 * is history, a reader skips what it cannot read), in seq order, with the sprint's milestones.
 */
export function readSprintLog(events: readonly LoggedEvent[], sprintId: string): SprintLog {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const read = sorted.map((event) => ({ seq: event.seq, at: event.at, story: storyOfEvent(event) }));
  const find = (type: Milestone) => {
    const at = sorted.findIndex((event) => isMilestone(event, type, sprintId));
    return at < 0 ? undefined : read[at];
  };
  return { events: read, started: find('sprint.started'), completed: find('sprint.completed') };
}

/** Each story's last state as of event `untilSeq` (included), or as of the newest event. */
export function replay(events: readonly ReadEvent[], untilSeq?: number): Map<string, Story> {
  const stories = new Map<string, Story>();
  for (const { seq, story } of events) {
    if (untilSeq !== undefined && seq > untilSeq) break;
    if (story) stories.set(story.id, story);
  }
  return stories;
}
