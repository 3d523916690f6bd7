import { sql } from 'drizzle-orm';
import { rankBetween } from '@ordo/domain';
import { benchApp, fmt, time } from './setup';

/**
 * The PO's hot paths on a 5,000-story backlog: moving a story (one row written) and reading the whole
 * backlog, each beside the same work done in raw SQL as the floor.
 */
const STORIES = Number(process.env.BENCH_STORIES ?? 5000);
const MOVES = 200;
const bench = await benchApp(STORIES);
const { po, key, database, projectId } = bench;
const db = database.db;
/** Every story row's content as one string per row, to count exactly which rows a move wrote. */
const snapshot = async () => {
  const result = await db.execute(sql`select id, md5(stories::text) as h from stories where project_id = ${projectId}`);
  return new Map((result as unknown as { rows: { id: string; h: string }[] }).rows.map((r) => [r.id, r.h]));
};

console.log(`\nBacklog of ${STORIES} stories on ${database.kind}`);

const before = await snapshot();
await po.post(`/api/projects/${key}/backlog/rank`, { story: `${key}-${STORIES}`, before: `${key}-1` });
const after = await snapshot();
const written = [...after].filter(([id, h]) => before.get(id) !== h).length;
console.log(`  one rank move wrote ${written} story row(s) of ${after.size}`);

const overhead = await time(MOVES, () => po.get('/api/me'));
console.log(`  GET /api/me (auth + HTTP overhead): ${fmt(overhead)}`);
const move = await time(MOVES, (i) =>
  po.post(`/api/projects/${key}/backlog/rank`, { story: `${key}-${STORIES - (i % 50)}`, before: `${key}-${1 + (i % 7)}` }),
);
console.log(`  rank move over HTTP:   ${fmt(move)}`);

const rawMove = await time(MOVES, async (i) => {
  await db.transaction(async (tx) => {
    const anchor = 1 + (i % 7);
    const rows = (await tx.execute(
      sql`select rank from stories where project_id = ${projectId} and number = ${anchor}`,
    )) as unknown as { rows: { rank: string }[] };
    const anchorRank = rows.rows[0]!.rank;
    const prev = (await tx.execute(
      sql`select rank from stories where project_id = ${projectId} and rank < ${anchorRank} order by rank desc limit 1`,
    )) as unknown as { rows: { rank: string }[] };
    const rank = rankBetween(prev.rows[0]?.rank ?? null, anchorRank);
    await tx.execute(sql`update stories set rank = ${rank} where project_id = ${projectId} and number = ${STORIES - 50 - (i % 50)}`);
  });
});
console.log(`  rank move, raw SQL:    ${fmt(rawMove)}  (floor: read anchor + neighbour, write one row)`);

const list = await time(20, () => po.get(`/api/projects/${key}/backlog`));
console.log(`  GET backlog over HTTP: ${fmt(list)}`);
const rawList = await time(20, () =>
  db.execute(
    sql`select s.* from stories s join statuses st on st.id = s.status_id where s.project_id = ${projectId} and s.sprint_id is null and s.deleted_at is null and st.category <> 'done' order by s.rank`,
  ),
);
console.log(`  backlog, raw SQL:      ${fmt(rawList)}  (floor: the same query, no mapping, no JSON)`);

await bench.close();
