import { and, eq, sql } from 'drizzle-orm';
import { epics, sprints, statuses } from '@ordo/db';
import { buildRoadmap, ranksBetween } from '@ordo/domain';
import { productIdOf } from '../src/lib/product-of';
import { loadRoadmapInput } from '../src/modules/roadmap/queries';
import { benchApp, fmt, time } from './setup';

/**
 * The PM's roadmap on 50,000 stories, 200 epics and 10 closed sprints (plus an active one): over HTTP,
 * split into loading and forecasting, beside the same rows read by raw SQL as the floor.
 */
const STORIES = Number(process.env.BENCH_ROADMAP_STORIES ?? 50_000);
const EPICS = Number(process.env.BENCH_ROADMAP_EPICS ?? 200);
const CLOSED_SPRINTS = 10;
const RUNS = 10;
const bench = await benchApp(STORIES);
const { po, key, database, projectId } = bench;
const db = database.db;

const epicRanks = ranksBetween(null, null, EPICS);
const productId = await productIdOf(db, projectId);
const epicRows = await db
  .insert(epics)
  .values(
    epicRanks.map((rank, i) => ({
      productId,
      title: `Epic ${i + 1}`,
      rank,
      targetDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-28`,
    })),
  )
  .returning({ id: epics.id });
const epicIds = sql.raw(`array[${epicRows.map((e) => `'${e.id}'::uuid`).join(',')}]`);
await db.execute(
  sql`update stories set epic_id = (${epicIds})[(number % ${EPICS}) + 1] where project_id = ${projectId} and number % 10 <> 0`,
);

const [done] = await db
  .select()
  .from(statuses)
  .where(and(eq(statuses.projectId, projectId), eq(statuses.category, 'done')));
await db.execute(
  sql`update stories set status_id = ${done!.id} where project_id = ${projectId} and number % 7 = 0`,
);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
await db.insert(sprints).values(
  Array.from({ length: CLOSED_SPRINTS }, (_, i) => ({
    projectId,
    name: `Sprint ${i + 1}`,
    state: 'closed' as const,
    startDate: day(-14 * (CLOSED_SPRINTS - i) - 1),
    endDate: day(-14 * (CLOSED_SPRINTS - i) + 12),
    committedPoints: 200,
    completedPoints: 150 + ((i * 37) % 90),
    completedAt: new Date(Date.now() - (CLOSED_SPRINTS - i) * 14 * 86_400_000),
  })),
);
const [active] = await db
  .insert(sprints)
  .values({
    projectId,
    name: 'Now',
    state: 'active',
    startDate: day(-1),
    endDate: day(12),
    committedPoints: 180,
  })
  .returning({ id: sprints.id });
await db.execute(
  sql`update stories set sprint_id = ${active!.id} where project_id = ${projectId} and number <= 40`,
);

console.log(
  `\nRoadmap of ${STORIES} stories, ${EPICS} epics, ${CLOSED_SPRINTS} closed sprints on ${database.kind}`,
);
const check = await po.get(`/api/projects/${key}/roadmap`);
if (check.status !== 200) throw new Error(`roadmap failed: ${check.status} ${JSON.stringify(check.body)}`);
const last = check.body.epics.at(-1);
console.log(
  `  (velocity ${check.body.velocity}; last epic P50 ${last.forecast.p50}, P85 ${last.forecast.p85})`,
);

const http = await time(RUNS, () => po.get(`/api/projects/${key}/roadmap`));
console.log(`  GET roadmap over HTTP:  ${fmt(http)}  (nothing changed since the last GET: built once)`);
// A rank move before each GET (not timed): every GET builds the roadmap from the 50,000 stories again.
const moved = (i: number) => ({ story: `${key}-${STORIES - (i % 30)}`, before: `${key}-${1 + (i % 5)}` });
const changed = await time(
  RUNS,
  () => po.get(`/api/projects/${key}/roadmap`),
  (i) => po.post(`/api/projects/${key}/backlog/rank`, moved(i)),
);
console.log(
  `  GET roadmap after a change: ${fmt(changed)}  (a rank move before each: built from every story)`,
);
const baseline = await time(RUNS, () => po.get(`/api/projects/${key}`));
console.log(`  GET project over HTTP:  ${fmt(baseline)}  (session, membership and HTTP alone)`);
const project = { id: projectId, key, productId, plannedVelocity: null };
const load = await time(RUNS, () => loadRoadmapInput(db, project, day(0)));
console.log(`  load (four queries):    ${fmt(load)}`);
const input = await loadRoadmapInput(db, project, day(0));
const forecast = await time(RUNS, async () => buildRoadmap(input));
console.log(`  forecast (domain only): ${fmt(forecast)}  (2,000 Monte Carlo trials)`);
const raw = await time(RUNS, () =>
  Promise.all([
    db.execute(sql`select * from epics where product_id = ${productId} order by rank`),
    db.execute(sql`select s.id, s.epic_id, s.points, s.rank, s.sprint_id, st.category from stories s
      join statuses st on st.id = s.status_id where s.project_id = ${projectId} and s.deleted_at is null`),
    db.execute(sql`select * from sprints where project_id = ${projectId} order by created_at`),
    db.execute(
      sql`select epic_id, count(*) from feedback where product_id = ${productId} and epic_id is not null group by epic_id`,
    ),
  ]),
);
console.log(`  same rows, raw SQL:     ${fmt(raw)}  (floor: the four reads, no mapping, no forecast)`);
console.log(
  `  budget: GET roadmap p50 ${http.median.toFixed(0)} ms (after a change ${changed.median.toFixed(0)} ms) against 100 ms; ` +
    `after a change ${(changed.median / raw.median).toFixed(2)}× its reads`,
);

await bench.close();
