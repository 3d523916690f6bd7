import { and, asc, desc, eq, lt, type SQL } from 'drizzle-orm';
import { auditLog, users, type Db } from '@ordo/db';
import { conflict, notFound } from '@ordo/domain';
import { audit } from '../../lib/audit';
import { endSessions } from '../auth/service';

type UserRow = typeof users.$inferSelect;
const toAdminUser = (row: UserRow) => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  isAdmin: row.isAdmin,
  deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
});

export async function listUsers(db: Db) {
  return (await db.select().from(users).orderBy(asc(users.createdAt))).map(toAdminUser);
}

/**
 * Deactivates (or reactivates) an account: a deactivated user cannot sign in, and their sessions, tokens and
 * live sockets end at once. An admin cannot deactivate themselves (the instance would be left without one).
 */
export async function setActive(
  db: Db,
  admin: { userId: string; address: string },
  userId: string,
  active: boolean,
) {
  if (!active && userId === admin.userId) throw conflict('You cannot deactivate your own account');
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ deactivatedAt: active ? null : new Date() })
      .where(eq(users.id, userId))
      .returning();
    if (!updated) throw notFound('User');
    await audit(tx, {
      kind: active ? 'user_reactivated' : 'user_deactivated',
      actorId: admin.userId,
      subject: userId,
      address: admin.address,
    });
    return updated;
  });
  if (!active) await endSessions(db, userId, { tokens: true });
  return toAdminUser(row);
}

export async function readAudit(
  db: Db,
  query: { kind?: string | undefined; user?: string | undefined; before?: string | undefined; limit: number },
) {
  const where: SQL[] = [];
  if (query.kind) where.push(eq(auditLog.kind, query.kind));
  if (query.user) where.push(eq(auditLog.actorId, query.user));
  if (query.before) where.push(lt(auditLog.at, new Date(query.before)));
  const rows = await db
    .select({ entry: auditLog, actor: { id: users.id, name: users.name, email: users.email } })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(({ entry, actor }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      kind: entry.kind,
      actor: actor?.id ? actor : null,
      subject: entry.subject,
      address: entry.address,
      data: entry.data as Record<string, unknown>,
    })),
    nextBefore: rows.length > query.limit ? page.at(-1)!.entry.at.toISOString() : null,
  };
}
