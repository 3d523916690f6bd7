import type { Db } from '@ordo/db';
import { buildBoard } from '@ordo/domain';
import { listStatuses } from '../projects/queries';
import { toStory } from '../stories/queries';
import { findActiveSprint, storiesInSprint, toSprint } from '../sprints/queries';

/** The active sprint by column (no sprint running: empty columns), optionally showing one assignee's cards. */
export async function boardOf(db: Db, project: { id: string; key: string }, assignee?: string) {
  const [sprint, statuses] = await Promise.all([
    findActiveSprint(db, project.id),
    listStatuses(db, project.id),
  ]);
  const rows = sprint ? await storiesInSprint(db, project.id, sprint.id) : [];
  const shows = (story: { assigneeId: string | null }) =>
    assignee === undefined || story.assigneeId === assignee;
  const columns = buildBoard(
    statuses,
    rows.map((r) => toStory(r, project.key)),
    shows,
  );
  return { sprint: sprint ? toSprint(sprint) : null, columns };
}
