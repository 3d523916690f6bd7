import { sql } from 'drizzle-orm';
import { rankStory } from '../src/modules/backlog/service';
import { benchApp, fmt, onTheWire, time } from './setup';
import { floorMoves } from './floor';

/**
 * The PO's hot paths at several backlog sizes: a rank move (one row written) beside the minimal move
 * transaction as its floor, 8 movers at once beside 8 raw connections, and reading the whole backlog
 * (full and summary) beside the same rows selected and JSON-encoded, with the bytes on the wire.
 */
const SIZES = (process.env.BENCH_SIZES ?? '100,5000,50000').split(',').map(Number);
const MOVES = Number(process.env.BENCH_MOVES ?? 100);
const CONCURRENT_AT = Number(process.env.BENCH_CONCURRENT_AT ?? 5000);
const CONCURRENT_MS = Number(process.env.BENCH_CONCURRENT_MS ?? 5000);
const CLIENTS = 8;
const ratio = (a: { median: number }, b: { median: number }) => `${(a.median / b.median).toFixed(2)}×`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const moveP50s: Record<number, number> = {};

for (const STORIES of SIZES) {
  const bench = await benchApp(STORIES);
  const { po, key, database, projectId } = bench;
  const db = database.db;
  const snapshot = async () =>
    new Map(
      rowsOf<{ id: string; h: string }>(
        await db.execute(
          sql`select id, md5(stories::text) as h from stories where project_id = ${projectId}`,
        ),
      ).map((r) => [r.id, r.h]),
    );
  console.log(`\nBacklog of ${STORIES} stories on ${database.kind}`);

  const before = await snapshot();
  await po.post(`/api/projects/${key}/backlog/rank`, { story: `${key}-${STORIES}`, before: `${key}-1` });
  const after = await snapshot();
  console.log(
    `  one rank move wrote ${[...after].filter(([id, h]) => before.get(id) !== h).length} story row(s) of ${after.size}`,
  );

  const story = (i: number) => `${key}-${STORIES - (i % Math.min(50, STORIES - 10))}`;
  const anchor = (i: number) => `${key}-${1 + (i % 7)}`;
  const overhead = await time(MOVES, () => po.get('/api/me'));
  console.log(`  GET /api/me (auth + HTTP alone):   ${fmt(overhead)}`);
  // Unmeasured first: the first size would otherwise pay for the JIT and the connection pool warming up.
  await time(20, (i) =>
    po.post(`/api/projects/${key}/backlog/rank`, { story: story(i + 11), before: anchor(i + 2) }),
  );
  const http = await time(MOVES, (i) =>
    po.post(`/api/projects/${key}/backlog/rank`, { story: story(i), before: anchor(i) }),
  );
  const scope = {
    project: { id: projectId, key },
    actor: { id: po.user?.id ?? (await po.get('/api/me')).body.user.id, name: 'PO' },
  };
  await time(20, (i) => rankStory(db, scope, { story: story(i + 5), after: anchor(i + 3) }));
  const service = await time(MOVES, (i) =>
    rankStory(db, scope, { story: story(i + 3), after: anchor(i + 1) }),
  );
  const ids = rowsOf<{ id: string }>(
    await db.execute(sql`select id from stories where project_id = ${projectId} order by rank limit 400`),
  ).map((r) => r.id);
  const [{ rank: lastRank }] = rowsOf<{ rank: string }>(
    await db.execute(sql`select max(rank collate "C") as rank from stories where project_id = ${projectId}`),
  ) as [{ rank: string }];
  const floor = await floorMoves(database, bench.databaseUrl, projectId, ids, lastRank);
  const single = await floor.runner();
  await time(20, (i) => single.move(MOVES + i));
  const minimal = await time(MOVES, (i) => single.move(i));
  moveP50s[STORIES] = service.median;
  console.log(`  rank move over HTTP:               ${fmt(http)}  (${ratio(http, minimal)} the floor)`);
  console.log(`  rank move, service (no HTTP):      ${fmt(service)}  (${ratio(service, minimal)} the floor)`);
  console.log(
    `  floor: minimal move transaction:   ${fmt(minimal)}  (lock + seq + one row + event + notify + commit)`,
  );
  if (moveP50s[SIZES[0]!] && STORIES !== SIZES[0]) {
    console.log(
      `  flatness: service p50 here / at ${SIZES[0]} stories = ${(service.median / moveP50s[SIZES[0]!]!).toFixed(2)}×`,
    );
  }

  if (STORIES === CONCURRENT_AT) {
    const loop = async (work: (i: number) => Promise<boolean>) => {
      let ok = 0,
        failed = 0,
        i = 0;
      const end = performance.now() + CONCURRENT_MS;
      while (performance.now() < end) {
        if (await work(i++)) ok++;
        else failed++;
      }
      return { ok, failed };
    };
    const total = (results: { ok: number; failed: number }[]) =>
      results.reduce((a, r) => ({ ok: a.ok + r.ok, failed: a.failed + r.failed }), { ok: 0, failed: 0 });
    const seqBefore = rowsOf<{ last_seq: number }>(
      await db.execute(sql`select last_seq from projects where id = ${projectId}`),
    )[0]!.last_seq;
    const moved = total(
      await Promise.all(
        Array.from({ length: CLIENTS }, (_, c) =>
          loop(async (i) => {
            const n = 1 + ((c * 7919 + i * 104_729) % STORIES);
            const to = 1 + ((c * 31 + i * 7) % STORIES);
            const reply = await po.post(
              `/api/projects/${key}/backlog/rank`,
              n === to
                ? { story: `${key}-${n}`, after: `${key}-${(to % STORIES) + 1}` }
                : { story: `${key}-${n}`, before: `${key}-${to}` },
            );
            return reply.status === 200;
          }),
        ),
      ),
    );
    const [check] = rowsOf<{ n: number; ranks: number; events: number; last: number }>(
      await db.execute(sql`select count(*)::int as n, count(distinct rank)::int as ranks,
        (select count(*)::int from events where project_id = ${projectId} and seq > ${seqBefore}) as events,
        (select last_seq from projects where id = ${projectId}) as last
        from stories where project_id = ${projectId}`),
    );
    const runners = await Promise.all(Array.from({ length: CLIENTS }, () => floor.runner()));
    const raw = total(
      await Promise.all(
        runners.map((r, c) =>
          loop((i) =>
            r.move(c * 100_000 + i).then(
              () => true,
              () => false,
            ),
          ),
        ),
      ),
    );
    await Promise.all(runners.map((r) => r.close()));
    const perSecond = (n: number) => (n / (CONCURRENT_MS / 1000)).toFixed(0);
    console.log(
      `  ${CLIENTS} movers over HTTP, ${CONCURRENT_MS / 1000} s: ${perSecond(moved.ok)} moves/s, ${moved.failed} errors; ` +
        `ranks unique: ${check!.ranks === check!.n}; log gap-free: ${check!.events === check!.last - seqBefore}`,
    );
    console.log(
      `  floor: ${CLIENTS} raw connections:      ${perSecond(raw.ok)} moves/s (${raw.failed} errors)  → ${(moved.ok / raw.ok).toFixed(2)} of the floor`,
    );
  }
  await single.close();

  if (STORIES >= 5000) {
    const runs = STORIES >= 50_000 ? 5 : 15;
    const path = `/api/projects/${key}/backlog`;
    // Timed to the last byte as sent (uncompressed, not parsed), as the floor is.
    const auth = { authorization: `Bearer ${po.token}` };
    const full = await time(runs, () => onTheWire(`${bench.url}${path}`, auth));
    const summary = await time(runs, () => onTheWire(`${bench.url}${path}?view=summary`, auth));
    const compressed = await time(runs, () =>
      onTheWire(`${bench.url}${path}?view=summary`, { ...auth, 'accept-encoding': 'br' }),
    );
    const floorList = await time(runs, async () =>
      JSON.stringify(
        rowsOf(
          await db.execute(
            sql`select s.* from stories s join statuses st on st.id = s.status_id where s.project_id = ${projectId} and s.sprint_id is null and s.deleted_at is null and st.category <> 'done' order by s.rank`,
          ),
        ),
      ),
    );
    console.log(`  GET backlog over HTTP:             ${fmt(full)}  (${ratio(full, floorList)} the floor)`);
    console.log(
      `  GET backlog?view=summary:          ${fmt(summary)}  (${ratio(summary, floorList)} the floor)`,
    );
    console.log(
      `  GET backlog?view=summary, br:      ${fmt(compressed)}  (${ratio(compressed, floorList)} the floor)`,
    );
    console.log(`  floor: same rows, JSON-encoded:    ${fmt(floorList)}`);
    for (const view of ['', '?view=summary']) {
      const plain = await onTheWire(`${bench.url}${path}${view}`, auth);
      const br = await onTheWire(`${bench.url}${path}${view}`, { ...auth, 'accept-encoding': 'br' });
      const gzip = await onTheWire(`${bench.url}${path}${view}`, { ...auth, 'accept-encoding': 'gzip' });
      console.log(
        `  bytes ${view || '(full)'}: raw ${kb(plain.bytes)}, on the wire ${br.encoding} ${kb(br.bytes)}, ${gzip.encoding} ${kb(gzip.bytes)}`,
      );
    }
  }
  await bench.close();
}
