import { z } from 'zod';
import { id, isoDateTime, MAX_DB_INTEGER } from './common';

/** One entry of a project's event log: `seq` is gap-free per project. */
export const projectEvent = z.object({
  seq: z.number().int(),
  type: z.string(),
  actor: z.object({ id: id.nullable(), name: z.string() }),
  at: isoDateTime,
  data: z.record(z.string(), z.unknown()),
});
export type ProjectEvent = z.infer<typeof projectEvent>;

export const eventsQuery = z.object({
  since: z.coerce.number().int().min(0).max(MAX_DB_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const eventsResponse = z.object({ items: z.array(projectEvent), lastSeq: z.number().int() });
