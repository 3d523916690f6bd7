import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { chromium } from 'playwright-core';
import { benchApp } from './setup';

/**
 * The web app in Chromium on a 50,000-story backlog: from navigation to the first rows shown, and to the
 * whole list (when a drag can start), then one drag of a row to the top, until the move is saved. Printed,
 * never asserted: a bench line.
 */
const STORIES = Number(process.env.BENCH_WEB_STORIES ?? 50_000);
const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const browserPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (p): p is string => !!p && existsSync(p),
);
if (!existsSync(`${webDist}/index.html`) || !browserPath) {
  console.log(
    `\nWeb in Chromium: skipped (${browserPath ? 'no web build: pnpm --filter @ordo/web build' : 'no Chromium at /usr/bin/chromium'})`,
  );
  process.exit(0);
}
const bench = await benchApp(STORIES, { webDist });
// Planner statistics, as PostgreSQL's autovacuum gathers them soon after a bulk insert: without them the
// first rows' query sorts the whole project instead of walking the rank index (docs/finding.md).
await bench.database.db.execute(sql`analyze`);
const browser = await chromium.launch({
  executablePath: browserPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const context = await browser.newContext({ baseURL: bench.url, viewport: { width: 1280, height: 800 } });
context.setDefaultTimeout(120_000);
const page = await context.newPage();
// The first page's JavaScript: every script the login page loads, counted as its gzip file in the build.
const scripts = new Set<string>();
page.on('request', (r) => {
  const path = new URL(r.url()).pathname;
  if (path.startsWith('/assets/') && path.endsWith('.js')) scripts.add(path);
});
await page.goto('/login', { waitUntil: 'networkidle' });
const gzipBytes = [...scripts].reduce((sum, path) => sum + statSync(`${webDist}${path}.gz`).size, 0);
const rawBytes = [...scripts].reduce((sum, path) => sum + statSync(`${webDist}${path}`).size, 0);
await page.getByLabel('Email').fill(bench.login.email);
await page.getByLabel('Password').fill(bench.login.password);
await page.getByRole('button', { name: 'Log in' }).click();
await page.waitForURL('**/projects');

console.log(`\nWeb in Chromium, backlog of ${STORIES} stories on ${bench.database.kind}`);
console.log(
  `  first page's JavaScript: ${(gzipBytes / 1024).toFixed(1)} KB gzip (${(rawBytes / 1024).toFixed(0)} KB raw, ${scripts.size} file(s)); budget ≤ 120 KB gzip`,
);
// Rows first (the top of the backlog from one small request), then the whole list, when a drag can start.
const runs: { rows: number; whole: number }[] = [];
for (let i = 0; i < 3; i++) {
  await page.goto('/projects');
  await page.waitForURL('**/projects');
  const started = performance.now();
  await page.goto(`/projects/${bench.key}/backlog`);
  await page.locator('.backlog-scroll [data-story]').first().waitFor();
  const rows = performance.now() - started;
  await page.locator('.backlog-scroll[aria-busy="false"]').waitFor();
  runs.push({ rows, whole: performance.now() - started });
}
const median = (pick: (r: (typeof runs)[number]) => number) => {
  const sorted = runs.map(pick).sort((a, b) => a - b);
  return `median ${sorted[1]!.toFixed(0)} ms (of ${sorted.map((r) => r.toFixed(0)).join(', ')})`;
};
console.log(`  navigation → first rows shown:      ${median((r) => r.rows)}; budget ≤ 1500 ms`);
console.log(`  navigation → whole backlog, drag on: ${median((r) => r.whole)}`);

const rows = page.locator('.backlog-scroll [data-story]');
const third = (await rows.nth(2).getAttribute('data-story'))!;
const handle = await page.locator(`[data-story="${third}"] .drag-handle`).boundingBox();
const top = await rows.first().boundingBox();
const saved = page.waitForResponse(
  (r) => r.url().endsWith('/backlog/rank') && r.request().method() === 'POST',
);
const dragStart = performance.now();
await page.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2);
await page.mouse.down();
await page.mouse.move(handle!.x + 6, handle!.y + 6, { steps: 3 });
await page.mouse.move(top!.x + top!.width / 2, top!.y + 4, { steps: 15 });
await page.mouse.up();
const reply = await saved;
const first = await rows.first().getAttribute('data-story');
console.log(
  `  drag of ${third} to the top: saved with ${reply.status()} in ${(performance.now() - dragStart).toFixed(0)} ms; first row now ${first}`,
);
await browser.close();
await bench.close();
