import { z } from 'zod';
import { id, requiredText } from './common';
import { STATUS_CATEGORIES } from './project';

export const statusInput = z.object({
  /** Absent for a new status. */
  id: id.optional(),
  name: requiredText(50),
  category: z.enum(STATUS_CATEGORIES),
  wipLimit: z.number().int().min(1).max(999).nullable().optional(),
});
export type StatusInput = z.infer<typeof statusInput>;

/** The whole workflow in board order; `moveStoriesTo` says where each removed status's stories go. */
export const updateStatusesBody = z.object({
  statuses: z.array(statusInput).min(1).max(20),
  moveStoriesTo: z.record(id, id).optional(),
});
export type UpdateStatuses = z.infer<typeof updateStatusesBody>;
