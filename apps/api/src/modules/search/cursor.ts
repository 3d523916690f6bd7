import { createHash } from 'node:crypto';
import { z } from 'zod';
import { invalid, type StoryFilter } from '@ordo/domain';

/**
 * A page cursor: the sort key of the last story shown, plus a fingerprint of the project and the query it
 * belongs to, so a cursor used with another query or project is refused instead of paging wrongly.
 */
const cursorPayload = z.object({
  f: z.string(),
  k: z.array(z.union([z.string(), z.number(), z.null()])).max(3),
});

export function fingerprint(projectId: string, filter: StoryFilter) {
  const entries = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256')
    .update(JSON.stringify([projectId, entries]))
    .digest('base64url')
    .slice(0, 22);
}

export function encodeCursor(print: string, key: (string | number | null)[]) {
  return Buffer.from(JSON.stringify({ f: print, k: key })).toString('base64url');
}

const refused = () =>
  invalid('cursor', 'is not a cursor of this list with these filters; start from the first page');

/** The sort key a cursor holds, checked against `keyShape`; anything else is refused with 400. */
export function decodeCursor<T extends z.ZodType>(cursor: string, print: string, keyShape: T): z.infer<T> {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const parsed = cursorPayload.safeParse(payload);
  if (!parsed.success || parsed.data.f !== print) throw refused();
  const key = keyShape.safeParse(parsed.data.k);
  if (!key.success) throw refused();
  return key.data;
}
