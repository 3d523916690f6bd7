import { DomainError, invalid } from '../errors';
import {
  blankIssue,
  linkTypeOf,
  parseJiraTime,
  statusCategoryOf,
  type JiraComment,
  type JiraIssue,
  type JiraPerson,
  type JiraSprint,
} from './jira-issue';

/** A malformed file: 400 naming the body, the line (or issue) and the reason. */
export function invalidAt(line: number, reason: string, unit: 'line' | 'issue' = 'line') {
  return new DomainError('validation_failed', `body: ${unit} ${line}: ${reason}`, {
    issues: [{ path: 'body', message: `${unit} ${line}: ${reason}` }],
    line,
  });
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) =>
  typeof v === 'string' ? v.replace(/\u0000/g, '') : typeof v === 'number' ? String(v) : '';

/** Where the custom fields are in this file, found by their names and schema types, never by a fixed id. */
export interface JiraFieldIds {
  points: string[];
  sprint: string[];
  epicLink: string[];
  epicName: string[];
  rank: string[];
}

const POINT_NAMES = [
  'story points',
  'story point estimate',
  'points de story',
  'estimation des points de story',
];
const SCHEMA_TYPES: Record<keyof Omit<JiraFieldIds, 'points'>, string> = {
  sprint: 'com.pyxis.greenhopper.jira:gh-sprint',
  epicLink: 'com.pyxis.greenhopper.jira:gh-epic-link',
  epicName: 'com.pyxis.greenhopper.jira:gh-epic-label',
  rank: 'com.pyxis.greenhopper.jira:gh-lexo-rank',
};
const FIELD_NAMES: Record<keyof Omit<JiraFieldIds, 'points'>, string[]> = {
  sprint: ['sprint'],
  epicLink: ['epic link', "lien d'epic"],
  epicName: ['epic name', "nom de l'epic"],
  rank: ['rank', 'rang'],
};

/**
 * Reads `names` (from `expand=names`) and `schema` (from `expand=schema`) of a search response. Without
 * them, a custom field is recognised by its value: sprint objects, or LexoRank strings (`0|i0000f:`).
 */
export function jiraFieldIds(document: Json, issues: readonly Json[]): JiraFieldIds {
  const names = isObject(document.names) ? document.names : {};
  const schema = isObject(document.schema) ? document.schema : {};
  const byName = (wanted: string[]) =>
    Object.keys(names).filter((id) => wanted.includes(str(names[id]).trim().toLowerCase()));
  const bySchema = (type: string) =>
    Object.keys(schema).filter((id) => isObject(schema[id]) && schema[id].custom === type);
  const found = (key: keyof typeof SCHEMA_TYPES) => [
    ...new Set([...bySchema(SCHEMA_TYPES[key]), ...byName(FIELD_NAMES[key])]),
  ];
  const ids: JiraFieldIds = {
    points: byName(POINT_NAMES),
    sprint: found('sprint'),
    epicLink: found('epicLink'),
    epicName: found('epicName'),
    rank: found('rank'),
  };
  const sample = issues.slice(0, 200).map((i) => (isObject(i.fields) ? i.fields : {}));
  const customIds = [
    ...new Set(sample.flatMap((f) => Object.keys(f).filter((k) => k.startsWith('customfield_')))),
  ];
  const everyValue = (id: string, test: (v: unknown) => boolean) => {
    const values = sample.map((f) => f[id]).filter((v) => v !== null && v !== undefined);
    return values.length > 0 && values.every(test);
  };
  if (ids.sprint.length === 0)
    ids.sprint = customIds.filter((id) => everyValue(id, (v) => Array.isArray(v) && v.every(isSprintValue)));
  if (ids.rank.length === 0)
    ids.rank = customIds.filter((id) =>
      everyValue(id, (v) => typeof v === 'string' && /^\d\|[0-9a-z]+:[0-9a-z]*$/i.test(v)),
    );
  return ids;
}

const isSprintValue = (v: unknown) =>
  (isObject(v) && typeof v.name === 'string' && ('state' in v || 'boardId' in v)) ||
  (typeof v === 'string' && v.includes('greenhopper.service.sprint.Sprint'));

/** A sprint as the REST API gives it: an object, or the old `…Sprint@1a2b[id=1,state=CLOSED,name=…]` text. */
function sprintOf(value: unknown): JiraSprint | null {
  let fields: Json;
  if (isObject(value)) fields = value;
  else if (typeof value === 'string' && value.includes('[')) {
    fields = Object.fromEntries(
      [
        ...value.slice(value.indexOf('[') + 1, value.lastIndexOf(']')).matchAll(/(\w+)=(.*?)(?=,\w+=|$)/g),
      ].map((m) => [m[1]!, m[2]!]),
    );
  } else return null;
  const name = str(fields.name).trim();
  if (!name) return null;
  const state = str(fields.state).toLowerCase();
  const day = (v: unknown) => parseJiraTime(str(v) === '<null>' ? '' : str(v))?.slice(0, 10) ?? null;
  return {
    name,
    state:
      state === 'closed' ? 'closed' : state === 'active' ? 'active' : state === 'future' ? 'planned' : null,
    startDate: day(fields.startDate),
    endDate: day(fields.endDate),
    completedAt: parseJiraTime(str(fields.completeDate) === '<null>' ? '' : str(fields.completeDate)),
  };
}

const personOf = (v: unknown): JiraPerson | null => {
  if (!isObject(v)) return null;
  const name = str(v.displayName) || str(v.name) || str(v.accountId);
  if (!name) return null;
  const email = str(v.emailAddress).toLowerCase();
  return { name, email: email || null };
};

const first = (fields: Json, ids: string[]) =>
  ids.map((id) => fields[id]).find((v) => v !== null && v !== undefined && v !== '');

/** Atlassian Document Format (REST v3) as plain text, for descriptions and comments that are not wiki text. */
function adfText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (!isObject(node)) return '';
  if (node.type === 'text') return str(node.text);
  if (node.type === 'hardBreak') return '\n';
  const inner = Array.isArray(node.content) ? node.content.map(adfText).join('') : '';
  return ['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote'].includes(str(node.type))
    ? `${inner}\n`
    : inner;
}

/** One issue of Jira's REST search (`{key, fields, changelog}`) as a Jira issue. */
export function issueFromJson(raw: unknown, position: number, ids: JiraFieldIds): JiraIssue {
  if (!isObject(raw)) throw invalidAt(position, 'an issue must be an object', 'issue');
  const fields = isObject(raw.fields) ? raw.fields : null;
  if (!fields) throw invalidAt(position, 'the issue has no fields', 'issue');
  const issue = blankIssue(position);
  issue.key = str(raw.key).trim().toUpperCase();
  issue.id = str(raw.id) || null;
  const type = isObject(fields.issuetype) ? fields.issuetype : {};
  issue.type = type.subtask === true ? 'Sub-task' : str(type.name);
  issue.summary = str(fields.summary).trim();
  issue.description = adfText(fields.description).trim();
  const status = isObject(fields.status) ? fields.status : {};
  issue.status = str(status.name);
  const category = isObject(status.statusCategory) ? status.statusCategory : {};
  issue.statusCategory = statusCategoryOf(str(category.key)) ?? statusCategoryOf(str(category.name));
  issue.resolution = isObject(fields.resolution) ? str(fields.resolution.name) || null : null;
  issue.priority = isObject(fields.priority) ? str(fields.priority.name) || null : null;
  issue.assignee = personOf(fields.assignee);
  issue.reporter = personOf(fields.reporter);
  issue.created = parseJiraTime(str(fields.created));
  issue.updated = parseJiraTime(str(fields.updated));
  issue.resolved = parseJiraTime(str(fields.resolutiondate));
  issue.due = parseJiraTime(str(fields.duedate))?.slice(0, 10) ?? null;
  issue.labels = Array.isArray(fields.labels) ? fields.labels.map(str).filter(Boolean) : [];
  const sprints = first(fields, ids.sprint);
  issue.sprints = (Array.isArray(sprints) ? sprints : [])
    .map(sprintOf)
    .filter((s): s is JiraSprint => s !== null);
  const points = first(fields, ids.points);
  if (typeof points === 'number') issue.points = points;
  else if (points !== undefined) issue.pointsText = str(points) || null;
  const parent = isObject(fields.parent) ? fields.parent : null;
  const parentType =
    parent && isObject(parent.fields) && isObject(parent.fields.issuetype)
      ? str(parent.fields.issuetype.name)
      : '';
  const epicLink = first(fields, ids.epicLink);
  issue.epicKey =
    str(epicLink).toUpperCase() ||
    (parent && /^epic$/i.test(parentType) ? str(parent.key).toUpperCase() : '') ||
    null;
  issue.parentKey = parent && !/^epic$/i.test(parentType) ? str(parent.key).toUpperCase() || null : null;
  issue.epicName = str(first(fields, ids.epicName)) || null;
  issue.rank = str(first(fields, ids.rank)) || null;
  const comment = isObject(fields.comment) ? fields.comment : null;
  issue.comments = (Array.isArray(comment?.comments) ? comment.comments : [])
    .filter(isObject)
    .map((c): JiraComment => ({
      at: parseJiraTime(str(c.created)),
      author: personOf(c.author),
      body: adfText(c.body).trim(),
    }));
  issue.links = (Array.isArray(fields.issuelinks) ? fields.issuelinks : [])
    .filter(isObject)
    .flatMap((link) => {
      const type = linkTypeOf(isObject(link.type) ? str(link.type.name) : '');
      const other = isObject(link.outwardIssue)
        ? link.outwardIssue
        : isObject(link.inwardIssue)
          ? link.inwardIssue
          : null;
      if (!other) return [];
      return [
        {
          type,
          direction: isObject(link.outwardIssue) ? ('outward' as const) : ('inward' as const),
          key: str(other.key).toUpperCase(),
        },
      ];
    });
  return issue;
}

/** The issues of a search response, or the reason the document is not one. */
export function issuesOfDocument(document: unknown): { issues: unknown[]; document: Json } {
  if (!isObject(document) || !Array.isArray(document.issues)) {
    throw invalid(
      'body',
      'a Jira JSON file is an object with an "issues" array (the REST search API response)',
    );
  }
  return { issues: document.issues, document };
}
