import {
  createStoryBody,
  deniedMessage,
  MAX_IMPORT,
  STORY_POINTS,
  STORY_TYPES,
  type CreateStory,
} from '@ordo/domain';

/** Where imported stories come from: titles pasted one per line, or a CSV file such as Jira's export. */
export type ImportSource = { kind: 'lines'; text: string } | { kind: 'csv'; fileName: string; text: string };

/** A row that is not imported: where it stands in the source ("row 4", "line 2") and why. */
export interface SkippedRow {
  at: string;
  title: string;
  reason: string;
}

/** What an import would send, and what it leaves out. */
export interface ImportPlan {
  stories: CreateStory[];
  /** Rows that are not valid stories: they are skipped, the rest is imported. */
  skipped: SkippedRow[];
  /** Values dropped from stories that are imported (story points the member may not set, or off the scale). */
  notes: string[];
  /** Why nothing can be imported at all (no Summary column, too many stories), or null. */
  blocker: string | null;
}

/**
 * The records of a CSV text (RFC 4180 and what spreadsheets write): quoted fields, doubled quotes, commas and
 * line breaks inside quotes, CRLF or LF line ends, a leading byte-order mark. Blank lines stay as `['']` so
 * record numbers match the rows a spreadsheet shows; a final line break adds no record.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (quoted) {
      if (c === '"' && next === '"') i++;
      else if (c === '"') {
        quoted = false;
        continue;
      } else if (c === '\r' && next === '\n') continue;
      field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && next === '\n') i++;
      endField();
      records.push(record);
      record = [];
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

/** The Jira columns Ordo reads, by their lower-case names ("Title" too, for hand-made spreadsheets). */
const COLUMNS = {
  title: ['summary', 'title'],
  type: ['issue type'],
  description: ['description'],
  labels: ['labels'],
  points: ['story points', 'story point estimate'],
} as const;
type Column = keyof typeof COLUMNS;

/** "Custom field (Story Points)" → "story points": Jira's exports name custom fields so. */
const columnName = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/^custom field \((.*)\)$/, '$1');

function findColumns(headers: readonly string[]): Record<Column, number[]> {
  const names = headers.map(columnName);
  const indexesOf = (wanted: readonly string[]) =>
    names.flatMap((name, i) => (wanted.includes(name) ? [i] : []));
  return {
    title: indexesOf(COLUMNS.title),
    type: indexesOf(COLUMNS.type),
    description: indexesOf(COLUMNS.description),
    labels: indexesOf(COLUMNS.labels),
    points: indexesOf(COLUMNS.points),
  };
}

/** Jira's issue types that Ordo knows (Story, Bug, Task, Spike); any other (Epic, Improvement…) is a story. */
export function storyTypeOf(issueType: string): CreateStory['type'] {
  const type = issueType.trim().toLowerCase();
  return STORY_TYPES.find((t) => t === type) ?? 'story';
}

/** Points on the estimation scale ("5", or "5.0" as Jira writes them), or null. */
export function pointsOf(value: string): number | null {
  const points = value.trim() === '' ? NaN : Number(value);
  return (STORY_POINTS as readonly number[]).includes(points) ? points : null;
}

const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  type: 'Type',
  description: 'Description',
  labels: 'Labels',
  points: 'Story points',
};

/** The story as the domain's schema accepts it, or the first problem it finds in a reader's words ("Title is empty"). */
function checkStory(candidate: Row['story']): { story: CreateStory } | { reason: string } {
  const result = createStoryBody.safeParse(candidate);
  if (result.success) return { story: result.data };
  const issue = result.error.issues[0]!;
  const field = FIELD_NAMES[String(issue.path[0])] ?? String(issue.path[0]);
  const what = issue.path.length > 1 ? `A label in ${field}` : field;
  if (issue.code === 'too_small' && issue.origin === 'string') return { reason: `${what} is empty` };
  if (issue.code === 'too_big' && issue.origin === 'string')
    return { reason: `${what} is longer than ${issue.maximum} characters` };
  if (issue.code === 'too_big' && issue.origin === 'array')
    return { reason: `${what}: more than ${issue.maximum}` };
  return { reason: `${what} ${issue.message}` };
}

interface Row {
  at: string;
  story: Record<string, unknown> & { title: string };
}

function linesToRows(text: string): Row[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line, i) => (line.trim() ? [{ at: `line ${i + 1}`, story: { title: line } }] : []));
}

const listOf = (places: readonly string[]) =>
  places.length > 3 ? `${places.slice(0, 3).join(', ')} and ${places.length - 3} more` : places.join(', ');

/** Jira's columns to stories; points only when the member may estimate and the value is on the scale. */
function csvToRows(
  text: string,
  canEstimate: boolean,
): { rows: Row[]; notes: string[]; blocker: string | null } {
  const [headers = [], ...records] = parseCsv(text);
  const columns = findColumns(headers);
  if (columns.title.length === 0)
    return {
      rows: [],
      notes: [],
      blocker: 'The file has no Summary column: Ordo takes each row’s Summary as the story’s title.',
    };
  const rows: Row[] = [];
  const pointsDenied: string[] = [];
  const pointsOffScale: string[] = [];
  for (const [i, cells] of records.entries()) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const at = `row ${i + 2}`;
    const cell = (indexes: readonly number[]) =>
      indexes.map((c) => cells[c]?.trim() ?? '').find((v) => v !== '') ?? '';
    const story: Row['story'] = { title: cell(columns.title), type: storyTypeOf(cell(columns.type)) };
    const description = cell(columns.description);
    if (description) story.description = description;
    const labels = columns.labels.flatMap((c) => (cells[c] ?? '').split(/\s+/)).filter(Boolean);
    if (labels.length > 0) story.labels = labels;
    const points = cell(columns.points);
    if (points && !canEstimate) pointsDenied.push(at);
    else if (points && pointsOf(points) === null) pointsOffScale.push(at);
    else if (points) story.points = pointsOf(points);
    rows.push({ at, story });
  }
  const notes = [
    pointsDenied.length > 0
      ? `Story points left out (${listOf(pointsDenied)}): ${deniedMessage('story.estimate')}.`
      : null,
    pointsOffScale.length > 0
      ? `Story points left out (${listOf(pointsOffScale)}): not on the scale ${STORY_POINTS.join(', ')}.`
      : null,
  ].filter((note) => note !== null);
  return { rows, notes, blocker: null };
}

/** What importing this source would do: the valid stories in order, the rows skipped and why, what was dropped. */
export function planImport(source: ImportSource, canEstimate: boolean): ImportPlan {
  const { rows, notes, blocker } =
    source.kind === 'lines'
      ? { rows: linesToRows(source.text), notes: [], blocker: null }
      : csvToRows(source.text, canEstimate);
  const stories: CreateStory[] = [];
  const skipped: SkippedRow[] = [];
  for (const { at, story } of rows) {
    const checked = checkStory(story);
    if ('story' in checked) stories.push(checked.story);
    else skipped.push({ at, title: story.title, reason: checked.reason });
  }
  const tooMany =
    stories.length > MAX_IMPORT
      ? `That is ${stories.length.toLocaleString('en')} stories: import at most ${MAX_IMPORT.toLocaleString('en')} at once: split it.`
      : null;
  return { stories, skipped, notes, blocker: blocker ?? tooMany };
}
