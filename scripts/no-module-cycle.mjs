/**
 * ESLint rule `ordo/no-module-cycle`: an API module (a folder of `apps/api/src/modules/`) may import
 * another only if that one does not depend back on it, directly or through others. The modules then form
 * one direction (stories below backlog, board, sprints…; the story page above links and sub-tasks), and a
 * piece two modules both need goes to `src/lib/` or to the module that owns it.
 *
 * The rule reads the whole modules folder (every relative import, type-only ones too: a type shared both
 * ways is a two-way dependency as well) and reports an import of the linted file whose module reaches back.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const SOURCE = /\.tsx?$/;

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** The module a path lies in (its first folder under `modulesDir`), or undefined outside any module. */
function moduleOf(modulesDir, path) {
  const rel = relative(modulesDir, path);
  if (rel.startsWith('..') || !rel.includes(sep)) return undefined;
  return rel.split(sep)[0];
}

/** The module a relative import of `file` lands in, if another module's. */
function importedModule(modulesDir, file, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const target = moduleOf(modulesDir, resolve(dirname(file), specifier));
  const own = moduleOf(modulesDir, file);
  return target && target !== own ? target : undefined;
}

/** Built again only when a file of the folder changed (an editor keeps ESLint running). */
const cache = new Map();

function graphOf(modulesDir) {
  const files = sourceFiles(modulesDir);
  const signature = files.map((f) => `${f}:${statSync(f).mtimeMs}`).join('\n');
  const cached = cache.get(modulesDir);
  if (cached?.signature === signature) return cached.graph;
  /** module → the modules it imports */
  const graph = new Map();
  for (const file of files) {
    const from = moduleOf(modulesDir, file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Set();
    graph.set(from, edges);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      const to = importedModule(modulesDir, file, fileName);
      if (to) edges.add(to);
    }
  }
  cache.set(modulesDir, { signature, graph });
  return graph;
}

/** The shortest way from `start` back to `goal` along the imports, or undefined. */
function pathBack(graph, start, goal) {
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift();
    for (const next of graph.get(at) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, at);
      if (next === goal) {
        const path = [next];
        for (let step = at; step !== undefined; step = cameFrom.get(step)) path.unshift(step);
        return path;
      }
      queue.push(next);
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noModuleCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'API modules depend on each other in one direction only' },
    schema: [{ type: 'object', properties: { modulesDir: { type: 'string' } }, additionalProperties: false }],
    messages: {
      cycle:
        'modules/{{from}} imports modules/{{to}}, which depends back on it ({{path}}): move the shared piece to src/lib/ or to the module that owns it.',
    },
  },
  create(context) {
    const modulesDir = resolve(context.cwd, context.options[0]?.modulesDir ?? 'apps/api/src/modules');
    const file = context.filename;
    const from = moduleOf(modulesDir, file);
    if (!from) return {};
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      const to = importedModule(modulesDir, file, specifier);
      if (!to) return;
      const back = pathBack(graphOf(modulesDir), to, from);
      if (back)
        context.report({ node, messageId: 'cycle', data: { from, to, path: [from, ...back].join(' → ') } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'no-module-cycle': noModuleCycle } };
