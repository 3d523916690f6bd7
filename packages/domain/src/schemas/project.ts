import { z } from 'zod';
import {
  changesSomething,
  id,
  isoDateTime,
  NOTHING_TO_CHANGE,
  projectKey,
  requiredText,
  text,
} from './common';
import { role, roles, email, user } from './auth';

export const STATUS_CATEGORIES = ['todo', 'in_progress', 'done'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export const project = z.object({
  id,
  key: projectKey,
  name: z.string(),
  description: z.string(),
  /** The product's vision: a project is one team of its product. */
  vision: z.string(),
  product: z.object({ key: projectKey, name: z.string() }),
  createdAt: isoDateTime,
});
export type Project = z.infer<typeof project>;

export const status = z.object({
  id,
  name: z.string(),
  category: z.enum(STATUS_CATEGORIES),
  wipLimit: z.number().int().nullable(),
});
export type Status = z.infer<typeof status>;

export const createProjectBody = z.object({
  key: projectKey,
  name: requiredText(100),
  description: text(5000).optional(),
  /** The product this team joins (the caller must be its admin); without it, a product of its own. */
  product: projectKey.optional(),
});
export const updateProjectBody = z
  .object({ name: requiredText(100).optional(), description: text(5000).optional() })
  .refine(changesSomething, { message: NOTHING_TO_CHANGE });
export const visionBody = z.object({ vision: text(20000) });

export const projectResponse = z.object({ project });
export const projectDetailResponse = z.object({ project, roles: z.array(role), statuses: z.array(status) });

export const member = z.object({
  user: user.omit({ createdAt: true }),
  roles: z.array(role),
  joinedAt: isoDateTime,
});
export const addMemberBody = z.object({ email, roles });
export const updateMemberBody = z.object({ roles });
export const memberParams = z.object({ key: projectKey, userId: id });
export const memberResponse = z.object({ member });

export const statusesResponse = z.object({ statuses: z.array(status) });
