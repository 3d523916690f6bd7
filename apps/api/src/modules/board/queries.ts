import type { Db } from '@ordo/db';
import { buildBoard, formatStoryKey } from '@ordo/domain';
import { openBlockers } from '../links/queries';
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
  const blockers = await openBlockers(
    db,
    project.id,
    rows.map((r) => r.id),
  );
  const shows = (story: { assigneeId: string | null }) =>
    assignee === undefined || story.assigneeId === assignee;
  const columns = buildBoard(
    statuses,
    rows.map((r) => toStory(r, project.key)),
    shows,
  );
  const blockedBy = Object.fromEntries(
    rows.flatMap((r) => {
      const keys = blockers.get(r.id);
      return keys ? [[formatStoryKey(project.key, r.number), keys]] : [];
    }),
  );
  return { sprint: sprint ? toSprint(sprint) : null, columns, blockedBy };
}
