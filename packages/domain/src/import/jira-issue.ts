import type { StatusCategory } from '../schemas/project';

/** A person as Jira names them: a display name, and an email when the export has one. */
export interface JiraPerson {
  name: string;
  email: string | null;
}

export interface JiraSprint {
  name: string;
  /** Known from Jira's JSON; a CSV names sprints only, and their state is inferred (see `planImport`). */
  state: 'planned' | 'active' | 'closed' | null;
  startDate: string | null;
  endDate: string | null;
  completedAt: string | null;
}

export interface JiraComment {
  at: string | null;
  author: JiraPerson | null;
  body: string;
}

export type JiraLinkType = 'blocks' | 'relates' | 'duplicates';

export interface JiraLink {
  type: JiraLinkType;
  /** `outward`: this issue blocks/duplicates `key`; `inward`: `key` blocks/duplicates this issue. */
  direction: 'outward' | 'inward';
  key: string;
}

/**
 * One Jira issue as both readers (CSV and JSON) hand it to `planImport`: raw Jira values, nothing mapped
 * yet. `line` is where it starts in the file (the CSV line, or the issue's position in the JSON array).
 */
export interface JiraIssue {
  line: number;
  key: string;
  id: string | null;
  type: string;
  summary: string;
  /** Jira wiki markup, as exported. */
  description: string;
  status: string;
  statusCategory: StatusCategory | null;
  resolution: string | null;
  priority: string | null;
  assignee: JiraPerson | null;
  reporter: JiraPerson | null;
  created: string | null;
  updated: string | null;
  resolved: string | null;
  due: string | null;
  labels: string[];
  /** In the order Jira lists them: the last one is the sprint the issue is in (or ended in). */
  sprints: JiraSprint[];
  points: number | null;
  /** The raw estimate when it is no number (reported as dropped). */
  pointsText: string | null;
  epicKey: string | null;
  epicName: string | null;
  parentKey: string | null;
  parentId: string | null;
  comments: JiraComment[];
  links: JiraLink[];
  rank: string | null;
}

export const blankIssue = (line: number): JiraIssue => ({
  line,
  key: '',
  id: null,
  type: '',
  summary: '',
  description: '',
  status: '',
  statusCategory: null,
  resolution: null,
  priority: null,
  assignee: null,
  reporter: null,
  created: null,
  updated: null,
  resolved: null,
  due: null,
  labels: [],
  sprints: [],
  points: null,
  pointsText: null,
  epicKey: null,
  epicName: null,
  parentKey: null,
  parentId: null,
  comments: [],
  links: [],
  rank: null,
});

/** Jira's link names ("Blocks", "Duplicate", "Relates", "Cloners"…) as Ordo's three kinds. */
export function linkTypeOf(name: string): JiraLinkType {
  const n = name.toLowerCase();
  if (n.startsWith('block') || n.includes('bloqu')) return 'blocks';
  if (n.startsWith('dup')) return 'duplicates';
  return 'relates';
}

/** Jira's status category keys and names (`new`, `indeterminate`, `done`; "To Do", "En cours"…). */
export function statusCategoryOf(value: string | null | undefined): StatusCategory | null {
  const v = (value ?? '').trim().toLowerCase();
  if (!v) return null;
  if (['done', 'terminé', 'termine', 'complete'].includes(v)) return 'done';
  if (['indeterminate', 'in progress', 'en cours'].includes(v)) return 'in_progress';
  if (['new', 'to do', 'todo', 'à faire', 'a faire', 'undefined'].includes(v)) return 'todo';
  return null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  janv: 1,
  feb: 2,
  fev: 2,
  févr: 2,
  fevr: 2,
  mar: 3,
  mars: 3,
  apr: 4,
  avr: 4,
  may: 5,
  mai: 5,
  jun: 6,
  juin: 6,
  jul: 7,
  juil: 7,
  aug: 8,
  aoû: 8,
  aout: 8,
  août: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  déc: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A Jira date or time as ISO 8601 UTC (`2024-03-12T15:45:00.000Z`), or null when it is none of the forms Jira
 * writes: ISO (`2024-03-12T15:45:00.000+0100`, `2024-03-12 15:45`), or the CSV's `12/Mar/24 3:45 PM`
 * (English or French month names, 12- or 24-hour clock). Times without a zone are taken as UTC.
 */
export function parseJiraTime(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      v,
    );
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = iso;
    const zoneIso = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const ms = fraction ? `.${fraction.slice(1, 4).padEnd(3, '0')}` : '';
    const at = Date.parse(
      `${y}-${mo}-${d}T${pad(Number(h))}:${pad(Number(mi))}:${pad(Number(s))}${ms}${zoneIso}`,
    );
    return Number.isNaN(at) ? null : new Date(at).toISOString();
  }
  const jira =
    /^(\d{1,2})\/([^/\s]+?)\.?\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(v);
  if (jira) {
    const [, d, monthName, yy, h = '0', mi = '0', s = '0', half] = jira;
    const month = MONTHS[monthName!.toLowerCase().normalize('NFC')] ?? Number(monthName);
    if (!month || month > 12) return null;
    let hour = Number(h);
    if (half && /p/i.test(half) && hour < 12) hour += 12;
    if (half && /a/i.test(half) && hour === 12) hour = 0;
    const year = yy!.length === 2 ? 2000 + Number(yy) : Number(yy);
    const at = Date.UTC(year, month - 1, Number(d), hour, Number(mi), Number(s));
    return Number.isNaN(at) ? null : new Date(at).toISOString();
  }
  return null;
}

/** A Jira date as an ISO day (`2024-03-12`), or null. */
export const parseJiraDay = (value: string | null | undefined): string | null =>
  parseJiraTime(value)?.slice(0, 10) ?? null;
