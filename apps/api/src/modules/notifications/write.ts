import { sql } from 'drizzle-orm';
import { notifications, type Tx } from '@ordo/db';
import type { NotificationDraft } from '@ordo/domain';
import type { Actor } from '../../lib/scope';
import { NOTIFICATIONS_CHANNEL, noticesFor } from './channel';

const INSERT_CHUNK = 1000;
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insert(rows.slice(i, i + INSERT_CHUNK));
}

/**
 * Writes the notifications (and tells every instance, on commit) in the caller's transaction; returns
 * them with their ids. Used for the events of a project write and for invitations.
 */
export async function writeNotifications(
  tx: Tx,
  projectId: string,
  actor: Actor,
  drafts: (Omit<NotificationDraft, 'storyId'> & { storyId: string | null })[],
) {
  if (drafts.length === 0) return [];
  const written: { id: string; userId: string }[] = [];
  await insertChunked(drafts, async (chunk) => {
    const rows = chunk.map((d) => ({
      projectId,
      userId: d.userId,
      storyId: d.storyId,
      type: d.type,
      actorId: actor.id,
      actorName: actor.name,
      text: d.text,
    }));
    written.push(
      ...(await tx
        .insert(notifications)
        .values(rows)
        .returning({ id: notifications.id, userId: notifications.userId })),
    );
  });
  for (const notice of noticesFor(written.map((w) => [w.userId, w.id]))) {
    await tx.execute(sql`select pg_notify(${NOTIFICATIONS_CHANNEL}, ${notice})`);
  }
  return written;
}
