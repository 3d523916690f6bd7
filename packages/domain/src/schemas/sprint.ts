import { z } from 'zod';
import {
  changesSomething,
  id,
  isoDate,
  isoDateTime,
  NOTHING_TO_CHANGE,
  projectKey,
  requiredText,
  storyKey,
  text,
} from './common';
import { story } from './story';

export const SPRINT_STATES = ['planned', 'active', 'closed'] as const;
export type SprintState = (typeof SPRINT_STATES)[number];
export const RETRO_KINDS = ['went_well', 'to_improve', 'action'] as const;
export type RetroKind = (typeof RETRO_KINDS)[number];

export const sprint = z.object({
  id,
  name: z.string(),
  goal: z.string(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  state: z.enum(SPRINT_STATES),
  /** Points in the sprint when it started (null until then). */
  committedPoints: z.number().int().nullable(),
  /** Points in a done status when it completed (null until then). */
  completedPoints: z.number().int().nullable(),
  reviewNotes: z.string(),
  startedAt: isoDateTime.nullable(),
  completedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type Sprint = z.infer<typeof sprint>;

const sprintFields = {
  name: requiredText(100),
  goal: text(2000),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
};
export const createSprintBody = z.object({
  name: sprintFields.name,
  goal: sprintFields.goal.optional(),
  startDate: sprintFields.startDate.optional(),
  endDate: sprintFields.endDate.optional(),
});
export type CreateSprint = z.infer<typeof createSprintBody>;
export const updateSprintBody = z
  .object({ ...sprintFields, reviewNotes: text(20_000) })
  .partial()
  .refine(changesSomething, { message: NOTHING_TO_CHANGE });
export type UpdateSprint = z.infer<typeof updateSprintBody>;

export const sprintsQuery = z.object({ state: z.enum(SPRINT_STATES).optional() });
export const sprintParams = z.object({ key: projectKey, sprint: id });
export const sprintStoryParams = sprintParams.extend({ story: storyKey });

/** Sprint planning: the stories to pull into the sprint, by key. */
export const planStoriesBody = z.object({ stories: z.array(storyKey).min(1).max(200) });
/** Where the unfinished stories go when a sprint completes: the top of the backlog or a planned sprint. */
export const completeSprintBody = z.object({
  moveOpenTo: z
    .string()
    .refine(
      (to) => to === 'backlog' || id.safeParse(to).success,
      'must be "backlog" or the id of a planned sprint',
    ),
});
export type CompleteSprint = z.infer<typeof completeSprintBody>;

/** A story as the planning view shows it: with the definition-of-ready flag. */
export const plannedStory = story.extend({ ready: z.boolean() });
export const sprintResponse = z.object({ sprint });
export const sprintListResponse = z.object({ items: z.array(sprint) });
export const sprintDetailResponse = z.object({
  sprint,
  stories: z.array(plannedStory),
  /** Points of the stories in the sprint now (the commitment a planned sprint would start with). */
  plannedPoints: z.number().int(),
  /** The suggested capacity: the team's velocity over its last closed sprints, null before the first one. */
  capacity: z.number().nullable(),
});

export const retroItem = z.object({
  id,
  sprintId: id,
  kind: z.enum(RETRO_KINDS),
  body: z.string(),
  author: z.object({ id: id.nullable(), name: z.string() }),
  createdAt: isoDateTime,
});
export type RetroItem = z.infer<typeof retroItem>;
export const retroItemBody = z.object({ kind: z.enum(RETRO_KINDS), body: requiredText(2000) });
export const retroItemResponse = z.object({ item: retroItem });
export const retroListResponse = z.object({ items: z.array(retroItem) });
