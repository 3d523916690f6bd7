import { sql } from 'drizzle-orm';
import { benchApp, fmt, time } from './setup';

/**
 * Search over 50,000 stories (budget: p50 ≤ 50 ms): a common word, two words together, a prefix as typed
 * in the search box, and a story key, each over HTTP beside the same full-text query in raw SQL (match,
 * rank, order, limit) as its floor.
 */
const STORIES = Number(process.env.BENCH_SEARCH_STORIES ?? 50_000);
const RUNS = 20;
const KEYED = Math.ceil(STORIES / 2);
const WORDS = [
  'checkout',
  'invoice',
  'payment',
  'refund',
  'search',
  'profile',
  'export',
  'import',
  'report',
  'mobile',
  'login',
  'password',
  'basket',
  'coupon',
  'shipping',
  'address',
  'review',
  'rating',
  'wishlist',
  'banner',
  'catalog',
  'filter',
  'sorting',
  'pricing',
  'tax',
  'currency',
  'receipt',
  'delivery',
  'tracking',
  'return',
  'stock',
  'warehouse',
  'supplier',
  'discount',
  'gift',
  'voucher',
  'newsletter',
  'consent',
  'cookie',
  'accessibility',
];
const bench = await benchApp(STORIES);
const { po, key, database, projectId } = bench;
const db = database.db;

// Titles of two vocabulary words and descriptions of three, spread so a word matches ~7% of the stories
// and two given words together ~0.2%: the shape of a real backlog's text, not one repeated word.
const vocabulary = sql.raw(`array[${WORDS.map((w) => `'${w}'`).join(',')}]`);
const n = WORDS.length;
await db.execute(sql`update stories set
  title = initcap((${vocabulary})[(number * 7) % ${n} + 1]) || ' ' || (${vocabulary})[(number * 13) % ${n} + 1] || ' for story ' || number,
  description = 'As a shopper I want the ' || (${vocabulary})[(number * 17) % ${n} + 1] || ' to work with the '
    || (${vocabulary})[(number * 19) % ${n} + 1] || ' and the ' || (${vocabulary})[(number * 23) % ${n} + 1] || '.'
  where project_id = ${projectId}`);
await db.execute(sql`analyze stories`);

const floor = (query: string, prefix: boolean) => {
  const tsq = prefix ? sql`to_tsquery('english', ${query})` : sql`websearch_to_tsquery('english', ${query})`;
  return db.execute(sql`select s.*, ts_rank(s.search, ${tsq}) as match_rank from stories s
    join members m on m.project_id = s.project_id and m.user_id = (select user_id from members where project_id = ${projectId} limit 1)
    where s.deleted_at is null and s.search @@ ${tsq} order by match_rank desc, s.updated_at desc limit 20`);
};

console.log(`\nSearch over ${STORIES} stories on ${database.kind}`);
const cases = [
  { label: 'one common word', q: 'checkout', floor: () => floor('checkout', false) },
  { label: 'two words together', q: 'refund coupon', floor: () => floor('refund coupon', false) },
  { label: 'a prefix as typed', q: 'wareh', floor: () => floor('wareh:*', true) },
  {
    label: 'a story key',
    q: `${key}-${KEYED}`,
    floor: () =>
      db.execute(sql`select s.* from stories s join projects p on p.id = s.project_id
        where p.key = ${key} and s.number = ${KEYED} and s.deleted_at is null`),
  },
];
for (const c of cases) {
  const path = `/api/search?q=${encodeURIComponent(c.q)}&limit=20`;
  const first = await po.get(path);
  if (first.status !== 200) throw new Error(`search failed: ${first.status} ${JSON.stringify(first.body)}`);
  const http = await time(RUNS, () => po.get(path));
  const raw = await time(RUNS, c.floor);
  console.log(
    `  ${c.label.padEnd(20)} (${String(first.body.items.length).padStart(2)} shown): ${fmt(http)}  (${(http.median / raw.median).toFixed(2)}× the floor; budget p50 ≤ 50 ms)`,
  );
  console.log(`  ${'floor: same query, raw SQL'.padEnd(31)}: ${fmt(raw)}`);
}

await bench.close();
