import { z } from 'zod';

export const id = z.uuid();
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime();
export const projectKey = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'must be 2–10 capital letters or digits, starting with a letter');
export const storyKey = z.string().regex(/^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,8}$/, 'must look like SHOP-42');

/** PostgreSQL's text and jsonb cannot hold U+0000: refused here as bad input instead of failing the insert. */
const hasNoNul = (s: string) => !s.includes('\u0000');
const NO_NUL = 'must not contain the NUL character';

/** Text a person typed: trimmed, and never empty when required. */
export const text = (max: number) => z.string().trim().max(max).refine(hasNoNul, NO_NUL);
export const requiredText = (max: number) => z.string().trim().min(1).max(max).refine(hasNoNul, NO_NUL);

/** The largest value of the database's `integer` columns (event seq, story version). */
export const MAX_DB_INTEGER = 2_147_483_647;

export const keyParams = z.object({ key: projectKey });
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** An edit must change something: a body of only unknown (dropped) fields is a client's mistake. */
export const changesSomething = (body: object) => Object.values(body).some((v) => v !== undefined);
export const NOTHING_TO_CHANGE = 'say what to change';

type Placement = Record<string, unknown>;

/**
 * A move in a ranked list (the backlog, the roadmap): `item` goes just before `before`, just after `after`,
 * or between both. `what` names the item in the messages ("story", "epic").
 */
export function moveBody<K extends string, T extends z.ZodType<string>>(item: K, ref: T, what: string) {
  return z
    .object({ [item]: ref, before: ref.optional(), after: ref.optional() } as { [P in K]: T } & {
      before: z.ZodOptional<T>;
      after: z.ZodOptional<T>;
    })
    .refine((b: Placement) => b.before !== undefined || b.after !== undefined, {
      message: `say where the ${what} goes: before or after another ${what}`,
      path: ['before'],
    })
    .refine((b: Placement) => b.before !== b[item] && b.after !== b[item], {
      message: `a ${what} cannot be placed next to itself`,
      path: [item],
    });
}
