import { z } from 'zod';
import { id, isoDate, storyKey } from './common';
import { sprint } from './sprint';

/** A story as a report lists it: enough to name it and weigh it. */
export const reportStory = z.object({
  id,
  key: storyKey,
  title: z.string(),
  points: z.number().int().nullable(),
});
export type ReportStory = z.infer<typeof reportStory>;
export const storyGroup = z.object({ points: z.number().int(), stories: z.array(reportStory) });
export type StoryGroup = z.infer<typeof storyGroup>;

export const SCOPE_CHANGES = ['added', 'removed'] as const;
export const scopeChange = reportStory.extend({ change: z.enum(SCOPE_CHANGES) });
export type ScopeChange = z.infer<typeof scopeChange>;

export const burndownDay = z.object({
  date: isoDate,
  /** Points not yet done at the end of the day; null for days still to come. */
  remaining: z.number().int().nullable(),
  /** The straight line from the committed points on the first day to zero on the last. */
  ideal: z.number(),
  /** Stories that entered or left the sprint that day after it started. */
  scopeChanges: z.array(scopeChange),
});
export type BurndownDay = z.infer<typeof burndownDay>;
export const burndownResponse = z.object({
  sprintId: id,
  committedPoints: z.number().int(),
  days: z.array(burndownDay),
});
export type Burndown = z.infer<typeof burndownResponse>;

export const velocitySprint = sprint.pick({
  id: true,
  name: true,
  startDate: true,
  endDate: true,
  committedPoints: true,
  completedPoints: true,
});
export const velocityResponse = z.object({
  /** The last closed sprints, oldest first: committed vs completed. */
  sprints: z.array(velocitySprint),
  /** Average completed points of those sprints. */
  average: z.number().nullable(),
  /** The suggested capacity for planning: average completed points of the last 3 closed sprints. */
  capacity: z.number().nullable(),
});
export type Velocity = z.infer<typeof velocityResponse>;

export const sprintReportResponse = z.object({
  sprint,
  /** In the sprint when it started (for a planned sprint: in it now). */
  committed: storyGroup,
  /** In a done status when it completed (or now, while it runs). */
  completed: storyGroup,
  /** Completed and accepted by the Product Owner. */
  accepted: storyGroup,
  /** Unfinished at completion and moved on (empty until the sprint completes). */
  carriedOver: storyGroup,
  /** In the sprint at the end though not at the start. */
  addedMidSprint: storyGroup,
  /** Committed at the start, gone by the end. */
  removedMidSprint: storyGroup,
});
export type SprintReport = z.infer<typeof sprintReportResponse>;
