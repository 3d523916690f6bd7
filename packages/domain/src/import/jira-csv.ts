import { invalid } from '../errors';
import {
  blankIssue,
  linkTypeOf,
  parseJiraTime,
  statusCategoryOf,
  type JiraIssue,
  type JiraPerson,
} from './jira-issue';

/** The fields Ordo reads from a Jira CSV, by their header in English and in French (lower-case). */
const HEADERS = {
  key: ['issue key', 'clé de ticket', 'clé du ticket', 'clé', 'key'],
  id: ['issue id', 'id de ticket', 'id du ticket'],
  summary: ['summary', 'résumé', 'title'],
  type: ['issue type', 'type de ticket', 'type'],
  status: ['status', 'état', 'statut'],
  statusCategory: ['status category', "catégorie d'état", 'catégorie de statut'],
  resolution: ['resolution', 'résolution'],
  priority: ['priority', 'priorité'],
  assignee: ['assignee', 'responsable', 'attribué à'],
  reporter: ['reporter', 'rapporteur'],
  created: ['created', 'création', 'créé', 'date de création'],
  updated: ['updated', 'mise à jour', 'mis à jour'],
  resolved: ['resolved', 'résolue', 'résolu', 'date de résolution'],
  due: ['due date', "date d'échéance", 'échéance'],
  labels: ['labels', 'étiquettes', 'libellés'],
  description: ['description'],
  sprint: ['sprint', 'sprints'],
  points: ['story points', 'story point estimate', 'points de story', 'estimation des points de story'],
  epicKey: ['epic link', "lien d'epic", 'lien epic', "lien de l'epic"],
  epicName: ['epic name', "nom de l'epic", 'nom epic'],
  parentId: ['parent id', 'id parent', 'id du parent', 'parent'],
  parentKey: ['parent key', 'clé parent', 'clé du parent'],
  comment: ['comment', 'comments', 'commentaire', 'commentaires'],
  rank: ['rank', 'rang'],
} as const;
export type CsvField = keyof typeof HEADERS;

/** "Custom field (Story Points)" / "Champ personnalisé (Story Points)" → "story points". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .normalize('NFC')
    .replace(/[’`]/g, "'")
    .replace(/^(?:custom field|champ personnalisé|champ personnalise) \((.*)\)$/, '$1')
    .replace(/\s+/g, ' ');
}

export interface CsvColumns {
  fields: Partial<Record<CsvField, number[]>>;
  links: { index: number; type: ReturnType<typeof linkTypeOf>; direction: 'outward' | 'inward' }[];
  /** Headers Ordo does not read (reported once, not per row). */
  unread: string[];
}

/**
 * Which column holds what, repeated columns (Sprint, Labels, Comment…) included. A file without a summary
 * column is refused here with the headers it does have, so a wrong delimiter or language is easy to see.
 */
export function csvColumns(headers: readonly string[]): CsvColumns {
  const columns: CsvColumns = { fields: {}, links: [], unread: [] };
  headers.forEach((header, index) => {
    const name = normaliseHeader(header);
    const field = (Object.keys(HEADERS) as CsvField[]).find((f) =>
      (HEADERS[f] as readonly string[]).includes(name),
    );
    const link = /^(?:(outward|inward) issue link|lien de ticket (sortant|entrant)) \((.+)\)$/.exec(name);
    if (field) (columns.fields[field] ??= []).push(index);
    else if (link) {
      const direction = link[1] === 'outward' || link[2] === 'sortant' ? 'outward' : 'inward';
      columns.links.push({ index, type: linkTypeOf(link[3]!), direction });
    } else if (name) columns.unread.push(header.trim());
  });
  if (!columns.fields.summary) {
    const found = headers
      .slice(0, 8)
      .map((h) => `"${h.trim()}"`)
      .join(', ');
    throw invalid(
      'body',
      `the file has no Summary (Résumé) column; its first line reads ${found || 'nothing'}`,
    );
  }
  return columns;
}

const person = (value: string): JiraPerson | null => {
  const v = value.trim();
  if (!v) return null;
  return { name: v, email: v.includes('@') ? v.toLowerCase() : null };
};

/** "5", "5.0" or the French "5,5": a number, or null with the raw text kept. */
export function parsePoints(value: string): { points: number | null; text: string | null } {
  const v = value.trim();
  if (!v) return { points: null, text: null };
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? { points: n, text: null } : { points: null, text: v };
}

/**
 * Jira writes a comment cell as `date;author;body` (the body may itself hold semicolons and line breaks).
 * A cell that does not start with a date is a body by an unknown author.
 */
export function parseCsvComment(cell: string) {
  const match = /^([^;\n]+);([^;\n]*);([\s\S]*)$/.exec(cell);
  const at = match ? parseJiraTime(match[1]) : null;
  if (!match || !at) return { at: null, author: null, body: cell.trim() };
  return { at, author: person(match[2]!), body: match[3]!.trim() };
}

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/** One CSV record as a Jira issue; `line` is the file line where the record starts. */
/** A cell an export protected from spreadsheets (`'=SUM(…)`, see the CSV export) reads as it was written. */
export const unprotect = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

export function issueFromCsv(columns: CsvColumns, raw: readonly string[], line: number): JiraIssue {
  const cells = raw.map((c) => unprotect(c.replace(/\u0000/g, '')));
  const all = (field: CsvField) =>
    (columns.fields[field] ?? []).map((i) => (cells[i] ?? '').trim()).filter(Boolean);
  const one = (field: CsvField) => all(field)[0] ?? '';
  const issue = blankIssue(line);
  issue.key = one('key').toUpperCase();
  issue.id = one('id') || null;
  issue.type = one('type');
  issue.summary = one('summary');
  issue.description =
    (columns.fields.description ?? []).map((i) => cells[i] ?? '').find((v) => v.trim()) ?? '';
  issue.status = one('status');
  issue.statusCategory = statusCategoryOf(one('statusCategory'));
  issue.resolution = one('resolution') || null;
  issue.priority = one('priority') || null;
  issue.assignee = person(one('assignee'));
  issue.reporter = person(one('reporter'));
  issue.created = parseJiraTime(one('created'));
  issue.updated = parseJiraTime(one('updated'));
  issue.resolved = parseJiraTime(one('resolved'));
  issue.due = parseJiraTime(one('due'))?.slice(0, 10) ?? null;
  issue.labels = [
    ...new Set(
      all('labels')
        .flatMap((cell) => cell.split(/\s+/))
        .filter(Boolean),
    ),
  ];
  issue.sprints = [...new Set(all('sprint'))].map((name) => ({
    name,
    state: null,
    startDate: null,
    endDate: null,
    completedAt: null,
  }));
  const points = parsePoints(one('points'));
  issue.points = points.points;
  issue.pointsText = points.text;
  issue.epicKey = one('epicKey').toUpperCase() || null;
  issue.epicName = one('epicName') || null;
  const parent = one('parentKey') || one('parentId');
  if (ISSUE_KEY.test(parent.toUpperCase())) issue.parentKey = parent.toUpperCase();
  else issue.parentId = parent || null;
  issue.comments = all('comment').map(parseCsvComment);
  issue.rank = one('rank') || null;
  issue.links = columns.links.flatMap(({ index, type, direction }) =>
    (cells[index] ?? '')
      .split(/[\s,]+/)
      .filter((k) => ISSUE_KEY.test(k.toUpperCase()))
      .map((key) => ({ type, direction, key: key.toUpperCase() })),
  );
  return issue;
}
