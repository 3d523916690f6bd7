import { z } from 'zod';
import { id } from './schemas/common';
import { role } from './schemas/auth';
import { epic } from './schemas/epic';
import { feedback } from './schemas/feedback';
import { linkResponse, subtask } from './schemas/finding';
import { importReport } from './schemas/import';
import { member, project, status } from './schemas/project';
import { retroItem, sprint } from './schemas/sprint';
import { comment, story, type Story } from './schemas/story';
import type { ProjectEvent } from './schemas/event';

/**
 * The vocabulary of the project event log: each type and the shape of its `data`. Writers are checked
 * against it at compile time (`EventLog.append`), readers parse with it (`parseEvent`). Conventions:
 * - a story event carries `data.story`: the whole story as it is after the change (the API's story shape);
 * - a sprint event carries `data.sprint`, an epic event `data.epic`, a feedback event `data.feedback`;
 * - extra fields say what changed (`from`, `to`, `reason`, …).
 */

/** The fields an edit changed, each with the value it had before. */
const before = z.record(z.string(), z.unknown());
const storyData = z.object({ story });
const storyEdit = z.object({ story, from: before });
const sprintMove = z.object({
  story,
  sprintId: id,
  scopeChange: z.boolean().optional(),
  /** A carry-over at a sprint's completion: the sprint it came from. */
  from: id.optional(),
  reason: z.literal('carried_over').optional(),
});
const sprintData = z.object({ sprint });
const projectData = z.object({ project });
const commentData = z.object({ comment, story });
const subtaskData = z.object({ subtask, story });
/** A backlog position is added when the history is read (`positions.ts`), not stored. */
const rankAt = z.object({ rank: z.string(), position: z.number().int().optional() });

export const EVENT_SCHEMAS = {
  'project.created': projectData,
  'project.updated': projectData,
  'project.vision_updated': projectData,
  'member.added': z.object({ member }),
  'member.updated': z.object({ member, from: z.array(role) }),
  'member.removed': z.object({ member }),
  'workflow.updated': z.object({
    statuses: z.array(status),
    removed: z.array(z.object({ status, movedTo: id.nullable() })),
  }),
  'story.created': storyData,
  'story.updated': storyEdit,
  'story.ranked': z.object({ story, from: rankAt, to: rankAt }),
  /** `reason: 'workflow'`: moved because its status was removed from the workflow. */
  'story.transitioned': storyEdit.extend({ reason: z.literal('workflow').optional() }),
  'story.deleted': storyData,
  'story.restored': storyData,
  'story.accepted': storyData,
  'story.rejected': z.object({ story, reason: z.string(), from: z.object({ statusId: id }) }),
  'comment.added': commentData,
  'comment.edited': commentData.extend({ from: z.object({ body: z.string() }) }),
  'comment.deleted': commentData,
  'subtask.added': subtaskData,
  'subtask.updated': subtaskData,
  'subtask.deleted': subtaskData,
  'link.added': z.object({ link: linkResponse.shape.link, story }),
  'link.removed': z.object({ link: linkResponse.shape.link.pick({ id: true, type: true }), story }),
  'sprint.created': sprintData,
  'sprint.updated': sprintData.extend({ from: before }),
  'sprint.story_added': sprintMove,
  'sprint.story_removed': sprintMove,
  /** `stories`: the keys of the committed stories. */
  'sprint.started': sprintData.extend({ stories: z.array(z.string()) }),
  'sprint.completed': sprintData.extend({
    moveOpenTo: z.string(),
    carriedOver: z.number().int(),
  }),
  'retro.item_added': z.object({ item: retroItem, sprintId: id }),
  'epic.created': z.object({ epic }),
  'epic.updated': z.object({ epic, from: before.optional() }),
  'epic.deleted': z.object({
    epic,
    unlinkedStories: z.number().int(),
    unlinkedFeedback: z.number().int(),
  }),
  'roadmap.ranked': z.object({
    epic,
    from: z.object({ rank: z.string(), position: z.number().int() }),
    to: z.object({ position: z.number().int() }),
  }),
  'feedback.submitted': z.object({ feedback }),
  'feedback.updated': z.object({ feedback, from: before }),
  'import.completed': z.object({
    import: importReport
      .pick({ stories: true, epics: true, sprints: true, comments: true, created: true, updated: true })
      .extend({ format: z.string() }),
  }),
} as const satisfies Record<string, z.ZodObject>;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

/**
 * Whether an event of the type may change stories it does not carry: a reader that keeps stories between
 * reads, patching them from the story events (`storyOfEvent`), must read them again after one. Every type
 * is classified here, so a new type cannot be added without saying (the compiler asks).
 */
const CHANGES_UNCARRIED_STORIES: Record<EventType, boolean> = {
  'project.created': false,
  'project.updated': false,
  'project.vision_updated': false,
  'member.added': false,
  'member.updated': false,
  'member.removed': false,
  // Stories of a removed status move to another.
  'workflow.updated': true,
  'story.created': false,
  'story.updated': false,
  'story.ranked': false,
  'story.transitioned': false,
  'story.deleted': false,
  'story.restored': false,
  'story.accepted': false,
  'story.rejected': false,
  'comment.added': false,
  'comment.edited': false,
  'comment.deleted': false,
  'subtask.added': false,
  'subtask.updated': false,
  'subtask.deleted': false,
  'link.added': false,
  'link.removed': false,
  'sprint.created': false,
  'sprint.updated': false,
  'sprint.story_added': false,
  'sprint.story_removed': false,
  'sprint.started': false,
  // Open stories go back to the backlog or on to the next sprint.
  'sprint.completed': true,
  'retro.item_added': false,
  'epic.created': false,
  'epic.updated': false,
  // Its stories lose their epic.
  'epic.deleted': true,
  'roadmap.ranked': false,
  'feedback.submitted': false,
  'feedback.updated': false,
  // Stories created and updated in bulk.
  'import.completed': true,
};

/**
 * See `CHANGES_UNCARRIED_STORIES`. True for a type this version does not know (a newer instance wrote it,
 * mid-deploy): reading the stories again is always safe.
 */
export const changesUncarriedStories = (type: string) =>
  !Object.hasOwn(CHANGES_UNCARRIED_STORIES, type) || CHANGES_UNCARRIED_STORIES[type as EventType];

/** What a writer passes for an event of type `T`. */
export type EventData<T extends EventType> = z.input<(typeof EVENT_SCHEMAS)[T]>;

/** An event as a writer makes it, before the log gives it a seq: `type` says what `data` holds. */
export type NewEvent = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];

/** A logged event whose `data` has been checked against its type's schema: `type` narrows `data`. */
export type TypedEvent = {
  [T in EventType]: Omit<ProjectEvent, 'type' | 'data'> & {
    type: T;
    data: z.output<(typeof EVENT_SCHEMAS)[T]>;
  };
}[EventType];
export type TypedEventOf<T extends EventType> = Extract<TypedEvent, { type: T }>;

const isEventType = (type: string): type is EventType => Object.hasOwn(EVENT_SCHEMAS, type);

/**
 * The event with its `data` parsed by its type's schema, or null for a type this version does not know or
 * data that does not fit (the log is history: a reader skips what it cannot read rather than failing).
 */
export function parseEvent(event: ProjectEvent): TypedEvent | null {
  if (!isEventType(event.type)) return null;
  const parsed = EVENT_SCHEMAS[event.type].safeParse(event.data);
  return parsed.success ? ({ ...event, data: parsed.data } as TypedEvent) : null;
}

/** The types whose events carry the whole story after the change (`data.story`). */
export type StoryEventType = {
  [T in EventType]: 'story' extends keyof z.output<(typeof EVENT_SCHEMAS)[T]> ? T : never;
}[EventType];
export const STORY_EVENT_TYPES = EVENT_TYPES.filter(
  (type): type is StoryEventType => 'story' in EVENT_SCHEMAS[type].shape,
);
const storyEventTypes = new Set<string>(STORY_EVENT_TYPES);
const carriedStory = z.object({ story });

/**
 * The story an event carries, or null for an event that is not about a story. Only `data.story` is parsed:
 * a reader that wants the story needs nothing else of the event to fit.
 */
export function storyOfEvent(event: Pick<ProjectEvent, 'type' | 'data'>): Story | null {
  if (!storyEventTypes.has(event.type)) return null;
  const parsed = carriedStory.safeParse(event.data);
  return parsed.success ? parsed.data.story : null;
}
