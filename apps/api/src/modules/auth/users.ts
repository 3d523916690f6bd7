import { and, eq, like, ne, or } from 'drizzle-orm';
import { users, type Db, type Tx } from '@ordo/db';
import { conflict, handleCandidate, handleFromEmail } from '@ordo/domain';

// Each lost pick means another sign-up won that handle, so a racer loses at most once per concurrent rival:
// enough attempts for any realistic burst of sign-ups sharing an email's local part (8 at once lost with 5).
const ATTEMPTS = 32;

/** The first free `base`, `base-2`, `base-3`… among the handles taken now. */
async function freeHandle(db: Db | Tx, base: string) {
  const rows = await db
    .select({ handle: users.handle })
    .from(users)
    .where(or(eq(users.handle, base), like(users.handle, `${base.slice(0, 28)}-%`)));
  const taken = new Set(rows.map((r) => r.handle));
  for (let n = 1; ; n++) {
    const candidate = handleCandidate(base, n);
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * A new account, its handle made from the email and numbered when taken. Two sign-ups racing for one handle
 * both succeed: the loser of the unique index picks again. 409 when the email has an account.
 */
export async function insertUser(
  db: Db | Tx,
  values: { id?: string; email: string; name: string; passwordHash: string },
) {
  const base = handleFromEmail(values.email);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const handle = await freeHandle(db, base);
    const [row] = await db
      .insert(users)
      .values({ ...values, handle })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
    const [sameEmail] = await db.select({ id: users.id }).from(users).where(eq(users.email, values.email));
    if (sameEmail) throw conflict('An account with this email exists already', { field: 'email' });
  }
  throw conflict('Could not pick a free handle; try again', { field: 'handle' });
}

/** `PATCH /api/me`: name and handle; a handle someone else holds is a 409 naming the field. */
export async function updateProfile(
  db: Db,
  userId: string,
  input: { name?: string | undefined; handle?: string | undefined },
) {
  if (input.handle !== undefined) {
    const [holder] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.handle, input.handle), ne(users.id, userId)));
    if (holder) throw handleTaken(input.handle);
  }
  const [row] = await db
    .update(users)
    .set({ name: input.name, handle: input.handle })
    .where(eq(users.id, userId))
    .returning()
    .catch((error: unknown) => {
      // Taken between the check and the write by someone else's change.
      if (isUniqueViolation(error)) throw handleTaken(input.handle ?? '');
      throw error;
    });
  return row!;
}

const handleTaken = (handle: string) =>
  conflict(`@${handle} is taken; pick another handle`, { field: 'handle' });

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
