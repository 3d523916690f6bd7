import { z } from 'zod';
import { id, isoDateTime, MAX_DB_INTEGER } from './common';

/** One entry of a project's event log: `seq` is gap-free per project. */
export const projectEvent = z.object({
  seq: z.number().int(),
  type: z.string(),
  actor: z.object({ id: id.nullable(), name: z.string() }),
  at: isoDateTime,
  data: z.record(z.string(), z.unknown()),
});
export type ProjectEvent = z.infer<typeof projectEvent>;

export const eventsQuery = z.object({
  since: z.coerce.number().int().min(0).max(MAX_DB_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const eventsResponse = z.object({ items: z.array(projectEvent), lastSeq: z.number().int() });

/** What the activity feed filters by: the part of an event's type before the dot (`story.ranked` → `story`). */
export const EVENT_KINDS = [
  'story',
  'comment',
  'sprint',
  'epic',
  'roadmap',
  'feedback',
  'retro',
  'member',
  'workflow',
  'project',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The project's activity feed: newest first, a page of `limit` before the seq `before`, by person and kind. */
export const activityQuery = z.object({
  actor: id.optional(),
  kind: z.enum(EVENT_KINDS).optional(),
  before: z.coerce.number().int().min(1).max(MAX_DB_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ActivityQuery = z.infer<typeof activityQuery>;
export const activityResponse = z.object({
  items: z.array(projectEvent),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
