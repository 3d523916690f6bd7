import { sql } from 'drizzle-orm';
import type { Db } from '@ordo/db';
import { parseEvent, type ProjectEvent } from '@ordo/domain';

/**
 * 1-based places in the backlog of a move's old and new rank ("moved from #14 to #2"), as the backlog
 * was right after the move at `seq`: counted when the history is read, so the move itself, under the
 * project lock, never scans the backlog. The backlog at `seq` is rebuilt from today's rows, except for
 * the stories changed since, which are taken as their last snapshot in the log at or before `seq`
 * (every story event carries the whole story), and dropped if created after it.
 */
export async function backlogPositionsAt(
  db: Db,
  projectId: string,
  move: { seq: number; storyId: string; from: string; to: string },
) {
  const { seq, storyId } = move;
  const result = await db.execute(sql`
    with touched as (
      select distinct story_id as id from events
      where project_id = ${projectId} and seq > ${seq} and story_id is not null and story_id <> ${storyId}
    ), past as (
      select t.id, (
        select e.data->'story' from events e
        where e.project_id = ${projectId} and e.story_id = t.id and e.seq <= ${seq} and e.data ? 'story'
        order by e.seq desc limit 1
      ) as story,
      exists (
        select 1 from events e
        where e.project_id = ${projectId} and e.story_id = t.id and e.seq > ${seq} and e.type = 'story.created'
      ) as born_later
      from touched t
    ), then_ as (
      select s.rank collate "C" as rank, s.sprint_id::text as sprint, s.deleted_at is not null as deleted, s.status_id::text as status
      from stories s
      where s.project_id = ${projectId} and s.id <> ${storyId}
        and not exists (select 1 from past p where p.id = s.id and (p.story is not null or p.born_later))
      union all
      select (p.story->>'rank') collate "C", p.story->>'sprintId', coalesce((p.story->>'deleted')::boolean, false), p.story->>'statusId'
      from past p where p.story is not null
    )
    select
      (count(*) filter (where t.rank < ${move.from} collate "C"))::int as "from",
      (count(*) filter (where t.rank < ${move.to} collate "C"))::int as "to"
    from then_ t join statuses st on st.project_id = ${projectId} and st.id::text = t.status
    where t.sprint is null and not t.deleted and st.category <> 'done'`);
  const [row] = (result as { rows: { from: number; to: number }[] }).rows;
  return { from: (row?.from ?? 0) + 1, to: (row?.to ?? 0) + 1 };
}

/** The story's history with the places of its backlog moves filled in (see `backlogPositionsAt`). */
export async function withBacklogPositions(
  db: Db,
  projectId: string,
  storyId: string,
  history: ProjectEvent[],
) {
  return Promise.all(
    history.map(async (event) => {
      const ranked = parseEvent(event);
      if (ranked?.type !== 'story.ranked') return event;
      const { data } = ranked;
      if (data.from.position !== undefined && data.to.position !== undefined) return event;
      const at = await backlogPositionsAt(db, projectId, {
        seq: event.seq,
        storyId,
        from: data.from.rank,
        to: data.to.rank,
      });
      return {
        ...event,
        data: { ...data, from: { ...data.from, position: at.from }, to: { ...data.to, position: at.to } },
      };
    }),
  );
}
