import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { members, notifications, productMembers, projects, stories, type Db, type Tx } from '@ordo/db';
import {
  formatStoryKey,
  notFound,
  type Notification,
  type NotificationsQuery,
  type NotificationType,
} from '@ordo/domain';

const columns = {
  id: notifications.id,
  type: notifications.type,
  at: notifications.createdAt,
  readAt: notifications.readAt,
  actorId: notifications.actorId,
  actorName: notifications.actorName,
  text: notifications.text,
  projectKey: projects.key,
  projectName: projects.name,
  storyNumber: stories.number,
  storyTitle: stories.title,
  userId: notifications.userId,
};
type Row = { [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] | null };

const toNotification = (row: Row): Notification => ({
  id: row.id!,
  type: row.type as NotificationType,
  at: row.at!.toISOString(),
  read: row.readAt !== null,
  actor: { id: row.actorId, name: row.actorName! },
  project: { key: row.projectKey!, name: row.projectName! },
  story:
    row.storyNumber === null
      ? null
      : { key: formatStoryKey(row.projectKey!, row.storyNumber), title: row.storyTitle! },
  text: row.text!,
});

/**
 * What a user may see of their inbox: what comes from a project they may still read, as a member of it or
 * with a role on its product (someone who lost access hears nothing more from it, old news included), and
 * their invitations.
 */
const visibleTo = (userId: string): SQL =>
  and(
    eq(notifications.userId, userId),
    or(
      eq(notifications.type, 'invited'),
      sql`exists (select 1 from ${members} where ${members.projectId} = ${notifications.projectId} and ${members.userId} = ${userId})`,
      sql`exists (select 1 from ${projects} p join ${productMembers} pm on pm.product_id = p.product_id
        where p.id = ${notifications.projectId} and pm.user_id = ${userId} and cardinality(pm.roles) > 0)`,
    ),
  )!;

function inbox(db: Db | Tx) {
  return db
    .select(columns)
    .from(notifications)
    .innerJoin(projects, eq(projects.id, notifications.projectId))
    .leftJoin(
      stories,
      and(eq(stories.projectId, notifications.projectId), eq(stories.id, notifications.storyId)),
    );
}

export async function listNotifications(db: Db, userId: string, query: NotificationsQuery) {
  const filters = [visibleTo(userId)];
  if (query.unread) filters.push(isNull(notifications.readAt));
  if (query.before) {
    const [from] = await db
      .select({ at: notifications.createdAt })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.id, query.before)));
    if (!from) throw notFound('Notification');
    // Newest first; notifications of one transaction share their time, so the id breaks the tie.
    filters.push(sql`(${notifications.createdAt}, ${notifications.id}) < (${from.at}, ${query.before})`);
  }
  const rows = await inbox(db)
    .where(and(...filters))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit);
  return rows.map(toNotification);
}

export async function unreadCount(db: Db, userId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(visibleTo(userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the user's own notifications read (ids of anyone else's change nothing and say nothing). */
export async function markRead(db: Db, userId: string, ids: string[] | 'all') {
  const which = ids === 'all' ? undefined : inArray(notifications.id, ids);
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), which));
}

/** The notifications named by a NOTIFY (`[userId, id]` pairs), for the users that have a socket here. */
export async function notificationsByIds(db: Db, pairs: [userId: string, id: string][]) {
  if (pairs.length === 0) return [];
  const users = [...new Set(pairs.map(([userId]) => userId))];
  const ids = pairs.map(([, id]) => id);
  const rows = await inbox(db).where(
    and(inArray(notifications.userId, users), inArray(notifications.id, ids)),
  );
  return rows.map((row) => ({ userId: row.userId, notification: toNotification(row) }));
}
