import { z } from 'zod';
import { HANDLE_MAX, HANDLE_PATTERN } from '../handle';
import { COMMON_PASSWORDS } from '../common-passwords';
import { ROLES } from '../policy';
import { changesSomething, id, isoDateTime, NOTHING_TO_CHANGE, projectKey, requiredText } from './common';

export const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
/**
 * A new password: 8 characters or more, not one of the most used passwords, not one character repeated.
 * (Signing in takes any string: old passwords keep working.)
 */
export const password = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(200)
  .refine(
    (value) => !COMMON_PASSWORDS.has(value.toLowerCase()),
    'is one of the most used passwords; choose another',
  )
  .refine((value) => new Set(value).size > 2, 'must not be one or two characters repeated');

export const registerBody = z.object({ email, name: requiredText(100), password });
export const loginBody = z.object({ email, password: z.string().min(1).max(200) });
export const tokenBody = z.object({
  name: requiredText(100),
  /** None: the token works until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const tokenInfo = z.object({
  id,
  name: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
});
export const tokenList = z.object({ items: z.array(tokenInfo) });

export const handle = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(HANDLE_MAX)
  .regex(
    HANDLE_PATTERN,
    'may hold lowercase letters, digits, ".", "-" and "_", starting with a letter or digit',
  );

export const user = z.object({
  id,
  email: z.string(),
  name: z.string(),
  handle: z.string(),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof user>;

export const role = z.enum(ROLES);
export const roles = z.array(role).min(1, 'a member holds at least one role').max(ROLES.length);

export const userResponse = z.object({ user });
export const meResponse = z.object({
  user,
  projects: z.array(
    z.object({
      key: projectKey,
      name: z.string(),
      roles: z.array(role),
      /** The product the project is a team of: the shell's product switcher lists these. */
      product: z.object({ key: projectKey, name: z.string() }),
    }),
  ),
});
/** `PATCH /api/me`: what a person may change about themselves here (the email stays). */
export const updateMeBody = z
  .object({ name: requiredText(100).optional(), handle: handle.optional() })
  .refine(changesSomething, { message: NOTHING_TO_CHANGE });

export const tokenResponse = z.object({
  token: z.string(),
  name: z.string(),
  id,
  expiresAt: isoDateTime.nullable(),
});

/** Password reset and change (`POST /api/auth/password-reset`, `.../:token`, `PUT /api/me/password`). */
export const passwordResetRequestBody = z.object({ email });
export const passwordResetBody = z.object({ password });
export const changePasswordBody = z.object({ current: z.string().min(1).max(200), password });
