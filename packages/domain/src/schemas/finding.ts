import { z } from 'zod';
import { id, isoDate, isoDateTime, projectKey, requiredText, storyKey, text } from './common';
import { story, storyType, type BacklogFilter } from './story';

/** `true` / `false` in a query string. */
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/** An id, or `none` for "not set" (`assignee=none`: nobody's stories). */
const idOrNone = z.union([z.literal('none'), id]);

export const STORY_SORTS = ['rank', 'updated', 'created', 'due'] as const;
export type StorySort = (typeof STORY_SORTS)[number];
export const MAX_STORY_PAGE = 500;

/** The longest search text: longer ones are refused rather than searched. */
export const MAX_SEARCH_TEXT = 200;
export const searchText = text(MAX_SEARCH_TEXT);

/**
 * Every story of a project: done ones and ones in sprints too; `deleted=true` lists the trash instead
 * (only deleted stories). `done` narrows to done (`true`) or not done (`false`) stories.
 */
export const storyListQuery = z.object({
  q: searchText.optional(),
  status: id.optional(),
  sprint: idOrNone.optional(),
  epic: idOrNone.optional(),
  assignee: idOrNone.optional(),
  label: text(50).optional(),
  type: storyType.optional(),
  done: flag.optional(),
  deleted: flag.optional(),
  due: z.literal('overdue').optional(),
  sort: z.enum(STORY_SORTS).default('rank'),
  limit: z.coerce.number().int().min(1).max(MAX_STORY_PAGE).default(100),
  cursor: z.string().max(1000).optional(),
});
export type StoryListQuery = z.infer<typeof storyListQuery>;
export type StoryFilter = Omit<StoryListQuery, 'limit' | 'cursor'>;

export const storyPageResponse = z.object({ items: z.array(story), nextCursor: z.string().nullable() });

/**
 * The All-stories query (`GET .../stories`) that lists exactly the backlog with `filter`, in its order: in no
 * sprint, not done and (the default) not deleted, as `isInBacklog` says, by rank. The web shows its first page
 * while the whole backlog loads; `apps/api/test/backlog-rule.test.ts` checks that the two lists agree.
 */
export function backlogAsStoryList({ q, label, epic, assignee, type }: BacklogFilter) {
  return { q, label, epic, assignee, type, sprint: 'none', done: 'false', sort: 'rank' } as const;
}

export const searchQuery = z.object({
  q: requiredText(MAX_SEARCH_TEXT),
  project: projectKey.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
/** Why a story was found: its key was asked for, or its words matched (with the text-search rank). */
export const searchMatch = z.object({ kind: z.enum(['key', 'words']), rank: z.number() });
export const searchResponse = z.object({
  items: z.array(
    z.object({ project: z.object({ key: projectKey, name: z.string() }), story, match: searchMatch }),
  ),
});

// Sub-tasks: a story's checklist for the team, each with its own assignee and done state.
export const subtask = z.object({
  id,
  title: z.string(),
  done: z.boolean(),
  assigneeId: id.nullable(),
  createdAt: isoDateTime,
});
export type Subtask = z.infer<typeof subtask>;
export const createSubtaskBody = z.object({ title: requiredText(255), assigneeId: id.nullable().optional() });
export const updateSubtaskBody = z
  .object({
    title: requiredText(255).optional(),
    done: z.boolean().optional(),
    assigneeId: id.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'say what to change',
    path: ['title'],
  });
export type UpdateSubtask = z.infer<typeof updateSubtaskBody>;
export const subtaskParams = z.object({ key: projectKey, story: storyKey, id });
export const subtaskResponse = z.object({ subtask });

// Links between stories. `blocks` outward reads "blocks", inward "is blocked by".
export const LINK_TYPES = ['blocks', 'relates', 'duplicates'] as const;
export type LinkType = (typeof LINK_TYPES)[number];
export const createLinkBody = z.object({ type: z.enum(LINK_TYPES), story: storyKey });
export const linkParams = subtaskParams;
/** The other story of a link; `title` is null when the reader may not see that story's project. */
export const linkedStory = z.object({
  key: storyKey,
  title: z.string().nullable(),
  projectKey,
  done: z.boolean(),
});
export const storyLink = z.object({
  id,
  type: z.enum(LINK_TYPES),
  direction: z.enum(['outward', 'inward']),
  story: linkedStory,
  /** A `blocks` link whose blocker its team's order finishes after the sprint the blocked story lands in. */
  conflict: z.boolean(),
});
export type StoryLink = z.infer<typeof storyLink>;
export const linkResponse = z.object({
  link: z.object({
    id,
    type: z.enum(LINK_TYPES),
    story: linkedStory.pick({ key: true, title: true, projectKey: true }),
  }),
});

/** A story with everything its page shows: the story (with its links) and its sub-tasks. */
export const storyDetailResponse = z.object({
  story: story.extend({ links: z.array(storyLink) }),
  subtasks: z.array(subtask),
  links: z.array(storyLink),
});

// Comments edited by their author (or an admin).
export const commentParams = z.object({ key: projectKey, story: storyKey, id });

export const cumulativeFlowQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const cumulativeFlowResponse = z.object({
  days: z.array(z.object({ date: isoDate, counts: z.record(z.string(), z.number().int()) })),
  statuses: z.array(z.object({ id, name: z.string(), category: z.enum(['todo', 'in_progress', 'done']) })),
});
