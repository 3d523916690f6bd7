// The production build of the API: one ES module (dist/server.js) with our workspace packages (@ordo/*)
// bundled in, every other package left to node_modules, and the committed migrations copied beside it.
// `pnpm start` runs it with plain Node; tsx stays for dev and tests.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const manifest = JSON.parse(readFileSync(here('./package.json'), 'utf8'));
const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
const builtins = new Set(builtinModules);

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Bare imports stay imports, except our own workspace packages, which are bundled. A bare import that the
 * API's package.json does not list would fail at run time under pnpm's strict node_modules: fail the build.
 */
const externals = {
  name: 'externals',
  setup(b) {
    const missing = new Set();
    b.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      if (path.startsWith('node:') || builtins.has(path)) return { path, external: true };
      const name = packageOf(path);
      if (name.startsWith('@ordo/')) return undefined;
      if (!dependencies.has(name)) missing.add(name);
      return { path, external: true };
    });
    b.onEnd((result) => {
      if (missing.size === 0) return;
      result.errors.push({
        text: `the bundle imports ${[...missing].join(', ')}: add ${missing.size > 1 ? 'them' : 'it'} to apps/api's dependencies`,
      });
    });
  },
};

/** `node build.mjs [outdir]`: dist/ by default; the tests build into a folder of their own. */
const outdir = process.argv[2] ? resolve(process.argv[2]) : here('./dist');
rmSync(outdir, { recursive: true, force: true });
await build({
  // The server, and `node dist/backup.js backup|restore FILE` for an image without pnpm or tsx.
  entryPoints: { server: here('./src/server.ts'), backup: here('./src/backup/cli.ts') },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [externals],
});
// packages/db finds its migrations in ./drizzle next to the running module when they are there (the build).
cpSync(here('../../packages/db/drizzle'), join(outdir, 'drizzle'), { recursive: true });
