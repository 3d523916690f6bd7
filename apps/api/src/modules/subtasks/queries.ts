import { sql } from 'drizzle-orm';
import { stories, subtasks } from '@ordo/db';

const counted = (done: boolean) =>
  sql<number>`(select count(*)::int from ${subtasks} where ${subtasks.projectId} = ${stories.projectId} and ${subtasks.storyId} = ${stories.id}${done ? sql` and ${subtasks.done}` : sql``})`;

/**
 * A story's `n/m` recounted from its sub-tasks, as the values of an update of the story row (the counts are
 * read for the row being written). The sub-task routes and the import keep the counts with it.
 */
export const SUBTASK_COUNTS = { subtasksTotal: counted(false), subtasksDone: counted(true) };

/** Whether the row's stored counts differ from its sub-tasks (a recount would change what lists show). */
export const countsOutOfDate = sql`(${stories.subtasksTotal} <> ${SUBTASK_COUNTS.subtasksTotal} or ${stories.subtasksDone} <> ${SUBTASK_COUNTS.subtasksDone})`;
