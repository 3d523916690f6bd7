import { z } from 'zod';
import { ROLES } from '../policy';
import { id, isoDateTime, projectKey, requiredText } from './common';

export const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const password = z.string().min(8, 'must be at least 8 characters').max(200);

export const registerBody = z.object({ email, name: requiredText(100), password });
export const loginBody = z.object({ email, password: z.string().min(1).max(200) });
export const tokenBody = z.object({ name: requiredText(100) });

export const user = z.object({ id, email: z.string(), name: z.string(), createdAt: isoDateTime });
export type User = z.infer<typeof user>;

export const role = z.enum(ROLES);
export const roles = z.array(role).min(1, 'a member holds at least one role').max(ROLES.length);

export const userResponse = z.object({ user });
export const meResponse = z.object({
  user,
  projects: z.array(z.object({ key: projectKey, name: z.string(), roles: z.array(role) })),
});
export const tokenResponse = z.object({ token: z.string(), name: z.string(), id });
