import { z } from 'zod';
import {
  changesSomething,
  id,
  isoDate,
  isoDateTime,
  moveBody,
  NOTHING_TO_CHANGE,
  projectKey,
  requiredText,
  text,
} from './common';

export const EPIC_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type EpicStatus = (typeof EPIC_STATUSES)[number];

export const epicStatus = z.enum(EPIC_STATUSES);
export const epicColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #6366f1')
  .transform((c) => c.toLowerCase());

export const epic = z.object({
  id,
  title: z.string(),
  outcome: z.string(),
  color: z.string(),
  startDate: isoDate.nullable(),
  targetDate: isoDate.nullable(),
  status: epicStatus,
  rank: z.string(),
  createdAt: isoDateTime,
});
export type Epic = z.infer<typeof epic>;

/** ISO dates compare as strings, so the check needs no date parsing. */
export const isTargetBeforeStart = (start: string | null | undefined, target: string | null | undefined) =>
  typeof start === 'string' && typeof target === 'string' && target < start;
export const TARGET_BEFORE_START = 'must not be before the start date';

const epicFields = {
  title: requiredText(200),
  outcome: text(5000),
  color: epicColor,
  startDate: isoDate.nullable(),
  targetDate: isoDate.nullable(),
  status: epicStatus,
};
const datesInOrder = <T extends { startDate?: string | null; targetDate?: string | null }>(body: T) =>
  !isTargetBeforeStart(body.startDate, body.targetDate);

export const createEpicBody = z
  .object(epicFields)
  .partial()
  .required({ title: true })
  .refine(datesInOrder, { message: TARGET_BEFORE_START, path: ['targetDate'] });
export type CreateEpic = z.infer<typeof createEpicBody>;

/** The body alone cannot see the stored dates: the service checks the merged pair again. */
export const updateEpicBody = z
  .object(epicFields)
  .partial()
  .refine(changesSomething, { message: NOTHING_TO_CHANGE })
  .refine(datesInOrder, { message: TARGET_BEFORE_START, path: ['targetDate'] });
export type UpdateEpic = z.infer<typeof updateEpicBody>;

export const epicParams = z.object({ key: projectKey, epic: id });
export const productEpicParams = z.object({ product: projectKey, epic: id });
export const epicResponse = z.object({ epic });
export const epicListResponse = z.object({ items: z.array(epic) });

export const roadmapRankBody = moveBody('epic', id, 'epic');
export type RoadmapRank = z.infer<typeof roadmapRankBody>;
