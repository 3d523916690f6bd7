import { z } from 'zod';
import { id, isoDateTime } from './common';

/** A user as the instance admin sees them. */
export const adminUser = z.object({
  id,
  email: z.string(),
  name: z.string(),
  createdAt: isoDateTime,
  isAdmin: z.boolean(),
  deactivatedAt: isoDateTime.nullable(),
});
export const adminUserList = z.object({ items: z.array(adminUser) });
export const adminUserResponse = z.object({ user: adminUser });

export const auditQuery = z.object({
  kind: z
    .string()
    .regex(/^[a-z_]{1,50}$/, 'is an audit kind such as sign_in')
    .optional(),
  /** Entries by this user (as actor). */
  user: id.optional(),
  /** Entries strictly older than this time: the previous page's `nextBefore`. */
  before: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const auditEntry = z.object({
  id,
  at: isoDateTime,
  kind: z.string(),
  actor: z.object({ id, name: z.string(), email: z.string() }).nullable(),
  subject: z.string().nullable(),
  address: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const auditList = z.object({ items: z.array(auditEntry), nextBefore: isoDateTime.nullable() });
