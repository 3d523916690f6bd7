import { z } from 'zod';
import {
  changesSomething,
  id,
  isoDateTime,
  NOTHING_TO_CHANGE,
  projectKey,
  requiredText,
  storyKey,
  text,
} from './common';

export const feedback = z.object({
  id,
  body: z.string(),
  /** Where it came from, in the submitter's words: "support ticket #812", "sales call with ACME". */
  source: z.string(),
  epicId: id.nullable(),
  storyId: id.nullable(),
  /** The linked story's key, so a reader need not look the id up. */
  storyKey: storyKey.nullable(),
  done: z.boolean(),
  author: z.object({ id: id.nullable(), name: z.string() }),
  createdAt: isoDateTime,
});
export type Feedback = z.infer<typeof feedback>;

export const submitFeedbackBody = z.object({
  body: requiredText(10_000),
  source: text(200).optional(),
  epicId: id.nullable().optional(),
  storyId: id.nullable().optional(),
});
export type SubmitFeedback = z.infer<typeof submitFeedbackBody>;

/** Triage: link to an epic or a story (null unlinks), or mark it handled. */
export const triageFeedbackBody = z
  .object({
    epicId: id.nullable().optional(),
    storyId: id.nullable().optional(),
    done: z.boolean().optional(),
  })
  .refine(changesSomething, { message: NOTHING_TO_CHANGE });
export type TriageFeedback = z.infer<typeof triageFeedbackBody>;

const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const feedbackQuery = z.object({ epic: id.optional(), done: booleanFlag.optional() });
export type FeedbackFilter = z.infer<typeof feedbackQuery>;

export const feedbackParams = z.object({ key: projectKey, id });
export const productFeedbackParams = z.object({ product: projectKey, id });
export const feedbackResponse = z.object({ feedback });
export const feedbackListResponse = z.object({ items: z.array(feedback) });
