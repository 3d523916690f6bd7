import { z } from 'zod';
import {
  id,
  isoDate,
  isoDateTime,
  MAX_DB_INTEGER,
  moveBody,
  requiredText,
  storyKey,
  text,
  projectKey,
} from './common';

export const STORY_TYPES = ['story', 'bug', 'task', 'spike'] as const;
/** The estimation scale: null means "not estimated yet". */
export const STORY_POINTS = [0, 1, 2, 3, 5, 8, 13, 20, 40, 100] as const;

export const storyType = z.enum(STORY_TYPES);
export const storyPoints = z
  .number()
  .refine((n) => (STORY_POINTS as readonly number[]).includes(n), {
    message: `must be one of ${STORY_POINTS.join(', ')}`,
  })
  .nullable();

const criterion = z.object({ text: requiredText(500), done: z.boolean().default(false) });
/** A checklist item may be sent as plain text; it is stored as `{text, done}`. */
export const acceptanceCriteria = z
  .array(z.union([requiredText(500).transform((t) => ({ text: t, done: false })), criterion]))
  .max(50);
export const labels = z
  .array(requiredText(50))
  .max(20)
  .transform((list) => [...new Set(list)]);

export const storyFields = {
  title: requiredText(255),
  type: storyType,
  description: text(50_000),
  persona: text(500),
  goal: text(1000),
  benefit: text(1000),
  acceptanceCriteria,
  points: storyPoints,
  labels,
  epicId: id.nullable(),
  dueDate: isoDate.nullable(),
};

export const createStoryBody = z.object({
  ...storyFields,
  type: storyFields.type.default('story'),
  description: storyFields.description.optional(),
  persona: storyFields.persona.optional(),
  goal: storyFields.goal.optional(),
  benefit: storyFields.benefit.optional(),
  acceptanceCriteria: storyFields.acceptanceCriteria.optional(),
  points: storyFields.points.optional(),
  labels: storyFields.labels.optional(),
  epicId: storyFields.epicId.optional(),
  dueDate: storyFields.dueDate.optional(),
});
export type CreateStory = z.infer<typeof createStoryBody>;

/** The most stories one import takes: a whole backlog from another tool, within the 1 MiB body limit. */
export const MAX_IMPORT = 5000;
/** Importing a backlog (from Jira, a spreadsheet…): the stories land at the bottom, in this order. */
export const importStoriesBody = z.object({ stories: z.array(createStoryBody).min(1).max(MAX_IMPORT) });

export const updateStoryBody = z.object({
  version: z.number().int().min(1).max(MAX_DB_INTEGER),
  ...z.object(storyFields).partial().shape,
  statusId: id.optional(),
  assigneeId: id.nullable().optional(),
});
export type UpdateStory = z.infer<typeof updateStoryBody>;

export const story = z.object({
  id,
  key: storyKey,
  number: z.number().int(),
  type: storyType,
  title: z.string(),
  description: z.string(),
  persona: z.string(),
  goal: z.string(),
  benefit: z.string(),
  acceptanceCriteria: z.array(z.object({ text: z.string(), done: z.boolean() })),
  points: z.number().int().nullable(),
  labels: z.array(z.string()),
  epicId: id.nullable(),
  sprintId: id.nullable(),
  statusId: id,
  assigneeId: id.nullable(),
  dueDate: isoDate.nullable(),
  accepted: z.boolean(),
  rank: z.string(),
  version: z.number().int(),
  deleted: z.boolean(),
  spilledFrom: z.array(id),
  createdBy: id.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Whether the caller watches the story (`GET .../stories/:story` only: events carry no one's own view). */
  watching: z.boolean().optional(),
  /** Sub-task progress ("2/5" on cards and rows). */
  subtasks: z.object({ done: z.number().int(), total: z.number().int() }),
  /** Imported stories: the Jira key it answers to, its resolution, and people who are no members, by name. */
  externalKey: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
  assigneeName: z.string().nullable(),
  reporterName: z.string().nullable(),
});
export type Story = z.infer<typeof story>;

export const storyParams = z.object({ key: projectKey, story: storyKey });
export const storyResponse = z.object({ story });
export const storyListResponse = z.object({ items: z.array(story) });

export const backlogQuery = z.object({
  q: text(200).optional(),
  label: text(50).optional(),
  epic: id.optional(),
  assignee: id.optional(),
  type: storyType.optional(),
  /** `summary`: the lean shape for list views (see `storySummary`). */
  view: z.enum(['full', 'summary']).optional(),
});
export type BacklogFilter = z.infer<typeof backlogQuery>;

/** A story as list views show it: no long texts, acceptance criteria as counts. */
export const storySummary = story
  .omit({ description: true, persona: true, goal: true, benefit: true, acceptanceCriteria: true })
  .extend({ acceptanceCriteria: z.object({ done: z.number().int(), total: z.number().int() }) });
export type StorySummary = z.infer<typeof storySummary>;
export const storySummaryListResponse = z.object({ items: z.array(storySummary) });

/** The summary of a story (`GET .../backlog?view=summary`); a summary stays as it is. */
export function summarizeStory(story: Story | StorySummary): StorySummary {
  if (!Array.isArray(story.acceptanceCriteria)) return story as StorySummary;
  const { description: _d, persona: _p, goal: _g, benefit: _b, acceptanceCriteria, ...rest } = story as Story;
  return {
    ...rest,
    acceptanceCriteria: {
      done: acceptanceCriteria.filter((c) => c.done).length,
      total: acceptanceCriteria.length,
    },
  };
}

export const rankBody = moveBody('story', storyKey, 'story');

export const rejectBody = z.object({ reason: requiredText(2000) });

export const comment = z.object({
  id,
  storyId: id,
  author: z.object({ id, name: z.string() }),
  body: z.string(),
  createdAt: isoDateTime,
  /** When its author last changed it; null if never. */
  editedAt: isoDateTime.nullable(),
});
export type Comment = z.infer<typeof comment>;
export const commentBody = z.object({ body: requiredText(10_000) });
export const commentResponse = z.object({ comment });
export const commentListResponse = z.object({ items: z.array(comment) });
