import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp } from './harness';

/**
 * docs/architecture.md's "Where things live" table stays true: every route of the OpenAPI document lands,
 * by the table's rule (the longest matching path prefix; `METHOD /path` names one route and wins), on the
 * module whose routes.ts declares it, and every module, web folder and rule file the table names exists.
 * What a module declares is read from the module itself: its routes.ts is run against a recording app.
 */
const repo = new URL('../../../', import.meta.url);
const t = await startTestApp();
afterAll(() => t.close());

interface Row {
  patterns: { method?: string; segments: string[] }[];
  module: string;
  views: string[];
  rules: string[];
}

const cells = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const segmentsOf = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/^\{.*\}$|^:.*$/, ':'));

function tableRows(): Row[] {
  const doc = readFileSync(new URL('docs/architecture.md', repo), 'utf8');
  const section = doc.slice(doc.indexOf('## Where things live'));
  const lines = section.split('\n').filter((l) => l.startsWith('| `'));
  return lines.map((line) => {
    const [routes, module, views, rules] = line.split('|').slice(1, 5).map(cells) as [
      string[],
      string[],
      string[],
      string[],
    ];
    return {
      patterns: routes.map((r) => {
        const [method, path] = r.includes(' ') ? r.split(' ') : [undefined, r];
        return { ...(method ? { method } : {}), segments: segmentsOf(path) };
      }),
      module: module[0]!,
      views,
      rules,
    };
  });
}

/** The module the table gives a route to: an exact `METHOD /path` first, else the longest prefix. */
function moduleOf(rows: Row[], method: string, path: string): string | undefined {
  const route = segmentsOf(path);
  const fits = (p: string[]) => p.length <= route.length && p.every((s, i) => s === route[i]);
  const exact = rows.find((r) =>
    r.patterns.some((p) => p.method === method && p.segments.length === route.length && fits(p.segments)),
  );
  if (exact) return exact.module;
  let best: { module: string; length: number } | undefined;
  for (const row of rows)
    for (const p of row.patterns)
      if (!p.method && fits(p.segments) && p.segments.length > (best?.length ?? -1))
        best = { module: row.module, length: p.segments.length };
  return best?.module;
}

/** `METHOD /path` → module folder, from each module's routes.ts run against an app that records routes. */
async function declaredRoutes() {
  const dir = new URL('../src/modules/', import.meta.url);
  const owners = new Map<string, string>();
  for (const folder of readdirSync(dir)) {
    const file = new URL(`${folder}/routes.ts`, dir);
    if (!existsSync(file)) continue;
    const routes = ((await import(file.href)) as { default: (app: unknown) => Promise<void> }).default;
    const record = (method: string, url: string) =>
      owners.set(`${method} ${segmentsOf(url).join('/')}`, folder);
    const app: unknown = new Proxy(t.app, {
      get(target, prop) {
        const name = String(prop);
        if (['get', 'post', 'put', 'patch', 'delete'].includes(name))
          return (url: string) => record(name.toUpperCase(), url);
        const value: unknown = Reflect.get(target, prop);
        // Hooks, decorators, parsers: nothing to record, and the real app has started already.
        return typeof value === 'function' ? () => app : value;
      },
    });
    await routes(app);
  }
  return owners;
}

describe('docs/architecture.md: where things live', () => {
  const rows = tableRows();

  it('names modules, web folders and rule files that exist', () => {
    expect(rows.length).toBeGreaterThan(20);
    const missing = rows.flatMap((row) => [
      ...(existsSync(new URL(`apps/api/src/modules/${row.module}/routes.ts`, repo)) ? [] : [row.module]),
      ...row.views.filter((v) => !existsSync(new URL(`apps/web/src/${v}`, repo))),
      ...row.rules.filter((r) => !existsSync(new URL(`packages/domain/src/${r}`, repo))),
    ]);
    expect(missing).toEqual([]);
  });

  it('maps every route of the OpenAPI document to the module that declares it', async () => {
    const spec = (await t.anonymous.get('/api/docs/json')).body as { paths: Record<string, object> };
    const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
    );
    const owners = await declaredRoutes();
    const wrong = routes.flatMap(({ method, path }) => {
      const declared = owners.get(`${method} ${segmentsOf(path).join('/')}`);
      const listed = moduleOf(rows, method, path);
      return declared === listed
        ? []
        : [`${method} ${path}: declared by ${declared}, the table says ${listed}`];
    });
    expect(routes.length).toBeGreaterThan(90);
    expect(wrong).toEqual([]);
  });

  it('would notice a route moved to another module', () => {
    expect(moduleOf(rows, 'POST', '/api/projects/{key}/stories/{story}/transition')).toBe('board');
    expect(moduleOf(rows, 'GET', '/api/projects/{key}/stories/{story}')).toBe('story-detail');
    expect(moduleOf(rows, 'PATCH', '/api/projects/{key}/stories/{story}')).toBe('stories');
    expect(moduleOf(rows, 'GET', '/api/projects/{key}/stories')).toBe('search');
    expect(
      moduleOf(
        rows.filter((r) => r.module !== 'board'),
        'POST',
        '/api/projects/{key}/stories/{story}/transition',
      ),
    ).toBe('stories');
  });
});
