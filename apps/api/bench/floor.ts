import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Database } from '@ordo/db';
import { ranksBetween } from '@ordo/domain';

/**
 * The floor of a backlog move: the smallest transaction that does what a move must do (lock the project,
 * take the next seq, write one story row, append one event, notify, commit), in raw SQL with no reads,
 * no HTTP and no query building. On PostgreSQL each runner has its own raw node-postgres connection;
 * PGlite has one connection for everyone.
 */
export async function floorMoves(
  database: Database,
  databaseUrl: string | undefined,
  projectId: string,
  storyIds: string[],
  lastRank: string,
) {
  const ranks = ranksBetween(lastRank, null, 200_000);
  let next = 0;
  const data = JSON.stringify({
    story: { id: storyIds[0], title: 'Story 1', rank: lastRank, labels: [], acceptanceCriteria: [] },
    from: { rank: lastRank },
    to: { rank: lastRank },
  });
  const statements = (storyId: string, rank: string) => ({
    lock: { text: 'select last_seq from projects where id = $1 for update', values: [projectId] },
    write: {
      text: `with moved as (update stories set rank = $2, version = version + 1, updated_at = now() where id = $3),
        logged as (insert into events (project_id, seq, type, actor_name, story_id, data) values ($1, $4, 'story.ranked', 'Floor', $3, $5::jsonb)),
        counted as (update projects set last_seq = $4 where id = $1)
        select pg_notify('ordo_events', $6)`,
      values: (seq: number) => [projectId, rank, storyId, seq, data, JSON.stringify({ projectId, seq })],
    },
  });
  const pick = (i: number) => ({ storyId: storyIds[i % storyIds.length]!, rank: ranks[next++]! });

  if (database.kind === 'pglite') {
    const db = database.db;
    const one = async (i: number) => {
      const { storyId, rank } = pick(i);
      const s = statements(storyId, rank);
      await db.transaction(async (tx) => {
        const result = await tx.execute(
          sql`select last_seq from projects where id = ${projectId} for update`,
        );
        const locked = result as { rows: { last_seq: number }[] };
        const [p, r, st, seq, d, n] = s.write.values(locked.rows[0]!.last_seq + 1);
        await tx.execute(sql`with moved as (update stories set rank = ${r}, version = version + 1, updated_at = now() where id = ${st}),
          logged as (insert into events (project_id, seq, type, actor_name, story_id, data) values (${p}, ${seq}, 'story.ranked', 'Floor', ${st}, ${d}::jsonb)),
          counted as (update projects set last_seq = ${seq} where id = ${p})
          select pg_notify('ordo_events', ${n})`);
      });
    };
    return { runner: async () => ({ move: one, close: async () => {} }) };
  }
  return {
    runner: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const move = async (i: number) => {
        const { storyId, rank } = pick(i);
        const s = statements(storyId, rank);
        await client.query('begin');
        try {
          const locked = await client.query<{ last_seq: number }>({ name: 'floor_lock', ...s.lock });
          await client.query({
            name: 'floor_write',
            text: s.write.text,
            values: s.write.values(locked.rows[0]!.last_seq + 1),
          });
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          throw error;
        }
      };
      return { move, close: () => client.end() };
    },
  };
}
