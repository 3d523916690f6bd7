import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { loadModule, parseSync } from 'libpg-query';
import { schema } from '@ordo/db';

/**
 * "Every statement on a project-scoped table filters on project_id" (docs/architecture.md), checked on the
 * SQL text the app sends: the real PostgreSQL parser (libpg-query) reads each statement, and every
 * reference to a scoped table must be *pinned* by its shard key: among the AND-ed conditions of its own
 * scope (WHERE, JOIN … ON), `key = …`, `key IN (…)` or `key = ANY(…)` against a value (a parameter, a
 * constant, a subquery) or against a column of a relation already pinned (in this scope or an enclosing
 * one, or a WITH / FROM subquery, whose own tables are checked where they are read). An OR pins when each
 * branch does. An INSERT must write the key; an UPDATE must not change it. Such a statement touches the
 * rows of known projects only, which is what lets a distributed PostgreSQL (Citus) send it to their shards
 * instead of all of them.
 */

const TABLES = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => value instanceof PgTable)
  .map((table) => {
    const { name, columns } = getTableConfig(table);
    return { name, columns: new Set(columns.map((c) => c.name)) };
  });
const COLUMNS: ReadonlyMap<string, ReadonlySet<string>> = new Map(TABLES.map((t) => [t.name, t.columns]));

/** Tables whose key is not the rule's default, and why. */
const KEY_OVERRIDES: Record<string, { key: string; why: string }> = {
  projects: { key: 'id', why: "the root of a project's shard: its id is the project_id of every row of it" },
  products: { key: 'id', why: "the root of a product's shard: its id is the product_id of its rows" },
  notifications: {
    key: 'user_id',
    why: "a person's inbox, read across all their projects: sharded by its reader (written in the project's transaction)",
  },
};

/**
 * The shard key of each scoped table, read from the schema: a `project_id` column (a team's rows), else a
 * `product_id` column (the product's epics, feedback and members); the overrides above. Every other table
 * (users, sessions, tokens, rate limits, audit, mail queue, password resets) belongs to no project.
 */
export const SHARD_KEYS: ReadonlyMap<string, string> = new Map(
  TABLES.flatMap(({ name, columns }): [string, string][] => {
    const key =
      KEY_OVERRIDES[name]?.key ??
      (columns.has('project_id') ? 'project_id' : columns.has('product_id') ? 'product_id' : undefined);
    return key ? [[name, key]] : [];
  }),
);

export interface Exception {
  table: string;
  /** This column, pinned to a value the same way, stands in for the shard key. */
  column: string;
  /** Only in statements of this shape (when the column alone would excuse too much). */
  statement?: RegExp;
  why: string;
}

/**
 * The statements that deliberately find their rows by something else than the shard key: each is an entry
 * point that does not know the project yet (a URL's key, a person's memberships) or a link that points
 * from another project. Each is an indexed lookup of a few rows, answered by every shard in a sharded
 * deployment; nothing that lists a project's stories is here.
 */
export const EXCEPTIONS: readonly Exception[] = [
  { table: 'projects', column: 'key', why: 'a URL names a project by its key: the lookup that finds its id' },
  { table: 'projects', column: 'product_id', why: "a product's teams, for its pages, roadmap and portfolio" },
  { table: 'products', column: 'key', why: 'a URL names a product by its key: the lookup that finds its id' },
  { table: 'members', column: 'user_id', why: "a person's teams: the project list, /api/me, search" },
  {
    table: 'product_members',
    column: 'user_id',
    why: "a person's products: the product switcher, portfolio",
  },
  { table: 'invitations', column: 'token_hash', why: "an invitation link's secret is all its reader knows" },
  {
    table: 'product_invitations',
    column: 'token_hash',
    why: "an invitation link's secret is all its reader knows (a product's invitation as a team's)",
  },
  {
    table: 'story_links',
    column: 'to_project_id',
    why: 'a link is stored in the project it starts from: the links pointing at a story come from others',
  },
  ...['statuses', 'epics', 'sprints', 'stories'].map((table) => ({
    table,
    column: 'id',
    statement: new RegExp(`^select count\\(\\*\\) from "${table}" where "${table}"\\."id" in \\(`),
    why: "a restore asks whether the export's ids are taken anywhere (by its project, or by an earlier restore of it elsewhere): to keep them or make new ones",
  })),
];

/**
 * Updates that change a row's shard key: a team moving to another product takes its epics and the feedback
 * about its stories along (POST /api/products/:product/teams). A sharded deployment moves those rows between
 * shards (Citus refuses to update a distribution column: delete and insert instead); it is the one place.
 */
export const KEY_CHANGES: readonly { table: string; why: string }[] = [
  { table: 'epics', why: 'a team moving to another product takes the epics of its stories along' },
  { table: 'feedback', why: 'a team moving to another product takes the feedback about its stories along' },
];

export interface Violation {
  table: string;
  problem: string;
  sql: string;
}

await loadModule();

type Node = Record<string, unknown>;
interface Relation {
  table: string;
  /** How the statement names it: its alias, or the table's name. */
  name: string;
}
/** What a scope can name: its relations and those of the scopes around it, and which of them are pinned. */
interface Scope {
  relations: Relation[];
  /** Names whose columns count as known values: pinned relations, WITH and FROM subqueries. */
  pinned: Set<string>;
  outer?: Scope;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const child = (node: Node, kind: string): Node | undefined => {
  const inner = node[kind];
  return isNode(inner) ? inner : undefined;
};
const list = (value: unknown): Node[] => (Array.isArray(value) ? value.filter(isNode) : []);
const stringOf = (node: Node) => {
  const value = child(node, 'String')?.sval;
  return typeof value === 'string' ? value : undefined;
};
const aliasOf = (node: Node) => {
  const alias = isNode(node.alias) ? node.alias.aliasname : undefined;
  return typeof alias === 'string' ? alias : undefined;
};

/** The tables a FROM list names (through joins), its subqueries' names, and the ON conditions of its joins. */
function fromItems(items: unknown, ctes: ReadonlySet<string>) {
  const relations: Relation[] = [];
  const derived: string[] = [];
  const conditions: unknown[] = [];
  const walk = (item: Node) => {
    const range = child(item, 'RangeVar');
    const join = child(item, 'JoinExpr');
    const sub = child(item, 'RangeSubselect') ?? child(item, 'RangeFunction');
    if (range && typeof range.relname === 'string') {
      const name = aliasOf(range) ?? range.relname;
      if (ctes.has(range.relname) && !range.schemaname) derived.push(name);
      else relations.push({ table: range.relname, name });
    }
    if (sub) {
      const alias = aliasOf(sub);
      if (alias) derived.push(alias);
    }
    if (join) {
      if (isNode(join.larg)) walk(join.larg);
      if (isNode(join.rarg)) walk(join.rarg);
      conditions.push(join.quals);
    }
  };
  list(items).forEach(walk);
  return { relations, derived, conditions };
}

function conjuncts(condition: unknown): Node[] {
  if (!isNode(condition)) return [];
  const bool = child(condition, 'BoolExpr');
  if (bool?.boolop === 'AND_EXPR') return list(bool.args).flatMap(conjuncts);
  return [condition];
}

/** The column a ColumnRef names, and the table name or alias it is qualified with (if any). */
function columnOf(expr: unknown): { qualifier?: string; column: string } | undefined {
  const ref = isNode(expr) ? child(expr, 'ColumnRef') : undefined;
  const fields = list(ref?.fields).map(stringOf);
  const column = fields.at(-1);
  if (!column || fields.some((f) => f === undefined)) return undefined;
  return fields.length >= 2 ? { qualifier: fields.at(-2)!, column } : { column };
}

/** The relation (its name, and the scope that has it) a column belongs to: this scope first, then outward. */
function ownerOf(ref: { qualifier?: string; column: string }, scope: Scope | undefined) {
  for (let s = scope; s; s = s.outer) {
    if (ref.qualifier !== undefined) {
      if (s.relations.some((r) => r.name === ref.qualifier) || s.pinned.has(ref.qualifier))
        return { name: ref.qualifier, scope: s };
      continue;
    }
    const having = s.relations.filter((r) => COLUMNS.get(r.table)?.has(ref.column));
    if (having.length === 1) return { name: having[0]!.name, scope: s };
  }
  return undefined;
}

/** Whether `expr` is known before the rows are: no column at all, or only columns of pinned relations. */
function isKnown(expr: unknown, scope: Scope): boolean {
  if (Array.isArray(expr)) return expr.every((e) => isKnown(e, scope));
  if (!isNode(expr)) return true;
  if (child(expr, 'SubLink')) return true;
  const ref = columnOf(expr);
  if (ref) {
    const owner = ownerOf(ref, scope);
    return owner !== undefined && owner.scope.pinned.has(owner.name);
  }
  if (child(expr, 'ColumnRef')) return false;
  return Object.values(expr).every((v) => isKnown(v, scope));
}

/** Whether `expr` is the column `column` of `relation`. */
function names(expr: unknown, relation: Relation, column: string, scope: Scope) {
  const ref = columnOf(expr);
  const owner = ref?.column === column ? ownerOf(ref, scope) : undefined;
  return owner?.scope === scope && owner.name === relation.name;
}

/** Whether the condition pins `relation` by one of `columns`: `=`, IN or `= ANY` against known values. */
function pins(conjunct: Node, relation: Relation, columns: string[], scope: Scope): boolean {
  const bool = child(conjunct, 'BoolExpr');
  if (bool?.boolop === 'OR_EXPR')
    return list(bool.args).every((branch) =>
      conjuncts(branch).some((c) => pins(c, relation, columns, scope)),
    );
  return columns.some((column) => pinsBy(conjunct, relation, column, scope));
}

function pinsBy(conjunct: Node, relation: Relation, column: string, scope: Scope): boolean {
  const sublink = child(conjunct, 'SubLink');
  if (sublink)
    return sublink.subLinkType === 'ANY_SUBLINK' && names(sublink.testexpr, relation, column, scope);
  const expr = child(conjunct, 'A_Expr');
  if (!expr) return false;
  const operator = list(expr.name).map(stringOf).at(-1);
  const routable =
    (expr.kind === 'AEXPR_OP' && operator === '=') ||
    expr.kind === 'AEXPR_IN' ||
    (expr.kind === 'AEXPR_OP_ANY' && operator === '=');
  if (!routable) return false;
  const [l, r] = [expr.lexpr, expr.rexpr];
  return (
    (names(l, relation, column, scope) && isKnown(r, scope)) ||
    (names(r, relation, column, scope) && isKnown(l, scope))
  );
}

/** The key, and the listed stand-ins for it, that pin a table's rows. */
const pinningColumns = (table: string, key: string, sql: string) => [
  key,
  ...EXCEPTIONS.filter((e) => e.table === table && (e.statement?.test(sql) ?? true)).map((e) => e.column),
];

/** Pins what the conditions pin, to a fixed point (a join pins one relation through another). */
function pinScope(scope: Scope, conditions: unknown[], sql: string, out: Violation[]) {
  const all = conditions.flatMap(conjuncts);
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of scope.relations) {
      const key = SHARD_KEYS.get(relation.table);
      if (!key || scope.pinned.has(relation.name)) continue;
      if (all.some((c) => pins(c, relation, pinningColumns(relation.table, key, sql), scope))) {
        scope.pinned.add(relation.name);
        changed = true;
      }
    }
  }
  for (const relation of scope.relations) {
    const key = SHARD_KEYS.get(relation.table);
    if (key && !scope.pinned.has(relation.name))
      out.push({ table: relation.table, problem: `not pinned by ${key}`, sql });
  }
}

function checkInsert(insert: Node, sql: string, out: Violation[]) {
  const table = child(insert, 'relation')?.relname;
  const key = typeof table === 'string' ? SHARD_KEYS.get(table) : undefined;
  if (!key) return;
  const columns = list(insert.cols).map((c) => child(c, 'ResTarget')?.name);
  if (!columns.includes(key)) out.push({ table: table as string, problem: `inserts no ${key}`, sql });
}

function checkUpdateKeepsKey(update: Node, sql: string, out: Violation[]) {
  const table = child(update, 'relation')?.relname;
  const key = typeof table === 'string' ? SHARD_KEYS.get(table) : undefined;
  if (
    key &&
    !KEY_CHANGES.some((c) => c.table === table) &&
    list(update.targetList).some((t) => child(t, 'ResTarget')?.name === key)
  )
    out.push({ table: table as string, problem: `changes its ${key} (moves the row to another shard)`, sql });
}

/** Checks the statements (SELECT, UPDATE, DELETE, INSERT) inside `tree`, each in its own scope. */
function visit(
  tree: unknown,
  outer: Scope | undefined,
  ctes: ReadonlySet<string>,
  sql: string,
  out: Violation[],
) {
  if (Array.isArray(tree)) return tree.forEach((t) => visit(t, outer, ctes, sql, out));
  if (!isNode(tree)) return;
  for (const [kind, value] of Object.entries(tree)) {
    if (!isNode(value)) {
      visit(value, outer, ctes, sql, out);
      continue;
    }
    let scope = outer;
    if (kind === 'SelectStmt' || kind === 'UpdateStmt' || kind === 'DeleteStmt') {
      const target = kind === 'SelectStmt' ? [] : [{ RangeVar: value.relation }];
      const from = fromItems(
        [...target, ...list(kind === 'DeleteStmt' ? value.usingClause : value.fromClause)],
        ctes,
      );
      scope = { relations: from.relations, pinned: new Set(from.derived), outer };
      pinScope(scope, [value.whereClause, ...from.conditions], sql, out);
    }
    if (kind === 'UpdateStmt') checkUpdateKeepsKey(value, sql, out);
    if (kind === 'InsertStmt') checkInsert(value, sql, out);
    visit(value, scope, ctes, sql, out);
  }
}

/** The names the statement's WITH clauses give (a reference to one is no table). */
function cteNames(tree: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(tree)) tree.forEach((t) => cteNames(t, out));
  else if (isNode(tree)) {
    const cte = child(tree, 'CommonTableExpr');
    if (cte && typeof cte.ctename === 'string') out.add(cte.ctename);
    Object.values(tree).forEach((v) => cteNames(v, out));
  }
  return out;
}

/** The statements (SQL text, each once) that touch a scoped table without pinning its shard key. */
export function unshardedStatements(statements: Iterable<string>): Violation[] {
  const out: Violation[] = [];
  for (const sql of new Set(statements)) {
    const tree = parseSync(sql) as unknown;
    visit(tree, undefined, cteNames(tree), sql, out);
  }
  return out;
}
