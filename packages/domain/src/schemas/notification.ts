import { z } from 'zod';
import { NOTIFICATION_TYPES } from '../notifications';
import { id, isoDateTime, projectKey, storyKey } from './common';

/** One entry of a user's inbox (`GET /api/me/notifications`, and the live `notification` frame). */
export const notification = z.object({
  id,
  type: z.enum(NOTIFICATION_TYPES),
  at: isoDateTime,
  read: z.boolean(),
  actor: z.object({ id: id.nullable(), name: z.string() }),
  project: z.object({ key: projectKey, name: z.string() }),
  story: z.object({ key: storyKey, title: z.string() }).nullable(),
  text: z.string(),
});
export type Notification = z.infer<typeof notification>;

export const MAX_NOTIFICATIONS_PAGE = 100;

export const notificationsQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(MAX_NOTIFICATIONS_PAGE).default(50),
  /** The page after this notification (older ones): the `id` of the last item of the previous page. */
  before: id.optional(),
});
export type NotificationsQuery = z.infer<typeof notificationsQuery>;

export const notificationsResponse = z.object({ items: z.array(notification), unread: z.number().int() });

export const markReadBody = z
  .object({ ids: z.array(id).min(1).max(500).optional(), all: z.literal(true).optional() })
  .refine((b) => b.ids !== undefined || b.all !== undefined, {
    message: 'say which to mark read: ids, or all: true',
    path: ['ids'],
  });
export type MarkRead = z.infer<typeof markReadBody>;
