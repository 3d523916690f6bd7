import { sql } from 'drizzle-orm';
import { benchApp, fmt, time } from './setup';

/**
 * The All-stories list of a big project: the first page per sort, filtered pages and a page deep in the list
 * by its cursor, beside an authenticated request that reads nothing (the HTTP and session floor). Search has
 * its own script (`search.ts`).
 */
const STORIES = Number(process.env.BENCH_LIST_STORIES ?? 50_000);
const RUNS = Number(process.env.BENCH_LIST_RUNS ?? 30);

const bench = await benchApp(STORIES);
const { po, key, database, projectId } = bench;
// One story in a hundred gets words for the text filter; the generated tsvector follows the update.
await database.db.execute(
  sql`update stories set title = 'Checkout payment ' || number where project_id = ${projectId} and number % 100 = 0`,
);
console.log(`\nAll stories among ${STORIES} on ${database.kind} (${RUNS} runs each)`);
const base = `/api/projects/${key}`;
await time(10, () => po.get(`${base}/stories`));
const line = async (label: string, path: string) => {
  const result = await time(RUNS, async () => {
    const reply = await po.get(path);
    if (reply.status !== 200) throw new Error(`${path}: ${reply.status}`);
  });
  console.log(`  ${label.padEnd(44)} ${fmt(result)}`);
};
await line('GET /api/me (auth + HTTP alone)', '/api/me');
// Bulk-inserted rows have no planner statistics until ANALYZE: PostgreSQL's autovacuum runs it soon, PGlite
// has no autovacuum. Without them the planner sorts the whole project instead of walking the rank index.
await line('stories, first 100, before ANALYZE', `${base}/stories`);
await database.db.execute(sql`analyze`);
for (const sort of ['rank', 'updated', 'created', 'due'])
  await line(`stories, first 100, sort=${sort}`, `${base}/stories?sort=${sort}`);
await line('stories, q=payment&done=false', `${base}/stories?q=payment&done=false`);
await line('stories, assignee=none&type=story', `${base}/stories?assignee=none&type=story`);
let cursor: string | null = null;
for (let page = 0; page < 250 && (page === 0 || cursor); page++)
  cursor = (await po.get(`${base}/stories${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`)).body
    .nextCursor;
if (cursor)
  await line('stories, page 251 by its cursor', `${base}/stories?cursor=${encodeURIComponent(cursor)}`);
await bench.close();
