import { z } from 'zod';
import { projectKey } from './common';
import { projectEvent } from './event';
import { notification } from './notification';

/**
 * The live-sync WebSocket contract (`GET /api/live`). Client frames are validated with these schemas on
 * the server; server frames are parsed with them in `@ordo/client`.
 */
export const liveSubscribe = z.object({
  type: z.literal('subscribe'),
  project: projectKey,
  /** The last seq the client has seen (0: none); the server replays every event after it. Without it, the
   * subscription starts from now: nothing is replayed. */
  since: z.number().int().min(0).optional(),
});
export const liveUnsubscribe = z.object({ type: z.literal('unsubscribe'), project: projectKey });
export const liveClientMessage = z.discriminatedUnion('type', [liveSubscribe, liveUnsubscribe]);
export type LiveClientMessage = z.infer<typeof liveClientMessage>;

export const liveUser = z.object({ id: z.string(), name: z.string() });
export type LiveUser = z.infer<typeof liveUser>;

export const LIVE_ERROR_CODES = [
  'validation_failed',
  'not_found',
  'forbidden',
  'unauthenticated',
  'rate_limited',
  'unavailable',
] as const;
export type LiveErrorCode = (typeof LIVE_ERROR_CODES)[number];

export const liveEventMessage = z.object({
  type: z.literal('event'),
  project: projectKey,
  seq: z.number().int(),
  event: projectEvent,
});
export const liveResyncMessage = z.object({ type: z.literal('resync'), project: projectKey });
export const liveErrorMessage = z.object({
  type: z.literal('error'),
  code: z.enum(LIVE_ERROR_CODES),
  message: z.string().optional(),
  /** The subscription the error ends, when it is about one project. */
  project: projectKey.optional(),
});
export const livePresenceMessage = z.object({
  type: z.literal('presence'),
  project: projectKey,
  users: z.array(liveUser),
});
/** Sent to every socket of the user it is for, at once: no subscription needed. */
export const liveNotificationMessage = z.object({ type: z.literal('notification'), notification });
export const liveServerMessage = z.discriminatedUnion('type', [
  liveEventMessage,
  liveResyncMessage,
  liveErrorMessage,
  livePresenceMessage,
  liveNotificationMessage,
]);
export type LiveServerMessage = z.infer<typeof liveServerMessage>;
