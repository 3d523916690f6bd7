import { asc, eq, sql } from 'drizzle-orm';
import { projects, statuses, stories, type Db, type Tx } from '@ordo/db';
import { initialStatus, ranksBetween, type CreateStory } from '@ordo/domain';
import { writeInProject } from '../events/log';
import { lastRank } from '../../lib/ranked-rows';
import { checkStoryReferences } from '../../lib/story-references';
import type { WriteScope } from '../../lib/scope';
import { insertStories, recordCreated } from './writer';

/** Reserves `count` story numbers under the project lock: KEY-n stays gap-free and unique. */
async function reserveNumbers(tx: Tx, projectId: string, count: number) {
  const [row] = await tx
    .update(projects)
    .set({ lastStoryNumber: sql`${projects.lastStoryNumber} + ${count}` })
    .where(eq(projects.id, projectId))
    .returning({ last: projects.lastStoryNumber });
  return Array.from({ length: count }, (_, i) => row!.last - count + 1 + i);
}

/**
 * New stories land at the bottom of the backlog in the order given, in the workflow's first todo status:
 * one story from the quick-add, or a whole backlog imported from another tool, in one transaction.
 */
export async function createStories(db: Db, scope: WriteScope, inputs: CreateStory[]) {
  return writeInProject(db, scope, async (tx, log) => {
    for (const epicId of new Set(inputs.map((s) => s.epicId).filter(Boolean))) {
      await checkStoryReferences(tx, scope.project.id, { epicId });
    }
    const workflow = await tx
      .select()
      .from(statuses)
      .where(eq(statuses.projectId, scope.project.id))
      .orderBy(asc(statuses.position));
    const numbers = await reserveNumbers(tx, scope.project.id, inputs.length);
    const ranks = ranksBetween(await lastRank(tx, stories, scope.project.id), null, inputs.length);
    const values = inputs.map((input, i) => ({
      ...input,
      projectId: scope.project.id,
      number: numbers[i]!,
      statusId: initialStatus(workflow)!.id,
      rank: ranks[i]!,
      createdBy: scope.actor.id,
    }));
    return recordCreated(log, scope.project, await insertStories(tx, values));
  });
}
