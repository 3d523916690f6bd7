import { and, eq } from 'drizzle-orm';
import { watchers, type Db } from '@ordo/db';

type Watch = { projectId: string; storyId: string; userId: string };
const same = (w: Watch) =>
  and(eq(watchers.projectId, w.projectId), eq(watchers.storyId, w.storyId), eq(watchers.userId, w.userId));

export async function isWatching(db: Db, watch: Watch) {
  const [row] = await db.select({ userId: watchers.userId }).from(watchers).where(same(watch));
  return row !== undefined;
}

export async function watch(db: Db, w: Watch) {
  await db.insert(watchers).values(w).onConflictDoNothing();
}

export async function unwatch(db: Db, w: Watch) {
  await db.delete(watchers).where(same(w));
}
