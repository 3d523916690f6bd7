import { and, asc, eq } from 'drizzle-orm';
import { retroItems, type Db } from '@ordo/db';
import type { RetroItem, RetroKind } from '@ordo/domain';
import { writeInProject } from '../events/log';
import type { WriteScope } from '../../lib/scope';
import { loadSprint } from './queries';

const toRetroItem = (row: typeof retroItems.$inferSelect): RetroItem => ({
  id: row.id,
  sprintId: row.sprintId,
  kind: row.kind,
  body: row.body,
  author: { id: row.authorId, name: row.authorName },
  createdAt: row.createdAt.toISOString(),
});

export async function listRetro(db: Db, projectId: string, sprintId: string) {
  await loadSprint(db, projectId, sprintId);
  const rows = await db
    .select()
    .from(retroItems)
    .where(and(eq(retroItems.projectId, projectId), eq(retroItems.sprintId, sprintId)))
    .orderBy(asc(retroItems.createdAt), asc(retroItems.id));
  return rows.map(toRetroItem);
}

/**
 * The retrospective is held as the sprint ends, often just after it was completed: unlike everything else
 * about a closed sprint, its retro stays open for items.
 */
export async function addRetroItem(
  db: Db,
  scope: WriteScope,
  sprintId: string,
  input: { kind: RetroKind; body: string },
) {
  return writeInProject(db, scope, async (tx, log) => {
    await loadSprint(tx, scope.project.id, sprintId);
    const [row] = await tx
      .insert(retroItems)
      .values({
        projectId: scope.project.id,
        sprintId,
        ...input,
        authorId: scope.actor.id,
        authorName: scope.actor.name,
      })
      .returning();
    const item = toRetroItem(row!);
    log.append('retro.item_added', { item, sprintId });
    return item;
  });
}
