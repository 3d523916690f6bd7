import { eq, getTableColumns, type SQL } from 'drizzle-orm';
import {
  comments,
  epics,
  events,
  feedback,
  retroItems,
  sprints,
  statuses,
  stories,
  storyLinks,
  subtasks,
} from '@ordo/db';

/**
 * The project tables an export carries, under their document names, in the order a restore writes them
 * (every row only points at rows written before it). Rows travel as stored, minus `projectId` (or
 * `productId`), with times as ISO strings: a new column is exported and restored without touching this
 * code. Epics and feedback are the product's: a team's export carries those of its product. Links to
 * stories of other projects stay out (their other end is not in the document).
 */
export const EXPORT_TABLES = {
  statuses: { table: statuses, order: [statuses.position] },
  epics: { table: epics, order: [epics.rank] },
  sprints: { table: sprints, order: [sprints.createdAt, sprints.id] },
  stories: { table: stories, order: [stories.number] },
  comments: { table: comments, order: [comments.createdAt, comments.id] },
  subtasks: { table: subtasks, order: [subtasks.createdAt, subtasks.id] },
  links: {
    table: storyLinks,
    order: [storyLinks.createdAt, storyLinks.id],
    only: eq(storyLinks.toProjectId, storyLinks.projectId),
  },
  retro: { table: retroItems, order: [retroItems.createdAt, retroItems.id] },
  feedback: { table: feedback, order: [feedback.createdAt, feedback.id] },
  events: { table: events, order: [events.seq] },
} as const;
/** The extra condition on a table's rows, if any. */
export const onlyRows = (name: ExportTable): SQL | undefined => {
  const entry = EXPORT_TABLES[name];
  return 'only' in entry ? entry.only : undefined;
};
export type ExportTable = keyof typeof EXPORT_TABLES;
type ExportedTable = (typeof EXPORT_TABLES)[ExportTable]['table'];
/** Where a table's rows belong, the project or its product: the column and the id to filter by. */
export const ownerOf = (table: ExportedTable, ids: Owners) =>
  'productId' in table
    ? { column: table.productId, id: ids.productId }
    : { column: table.projectId, id: ids.projectId };
export const EXPORT_TABLE_NAMES = Object.keys(EXPORT_TABLES) as ExportTable[];

type Row = Record<string, unknown>;
type Owners = { projectId: string; productId: string };
/** Columns that hold the project's (or product's) own id: left out of the document, set to the target's on restore. */
const OWNER_COLUMNS: Record<string, keyof Owners> = {
  projectId: 'projectId',
  toProjectId: 'projectId',
  productId: 'productId',
};

/** A stored row as the document holds it. */
export function exportRow(row: Row): Row {
  const out: Row = {};
  for (const [name, value] of Object.entries(row)) {
    if (name in OWNER_COLUMNS) continue;
    out[name] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** A document row back as the table's insert values: times as dates, unknown fields dropped. */
export function importRow(name: ExportTable, row: Row, owners: Owners): Row {
  const columns = getTableColumns(EXPORT_TABLES[name].table) as Record<string, { columnType: string }>;
  const out: Row = {};
  for (const [field, column] of Object.entries(columns)) {
    const owner = OWNER_COLUMNS[field];
    if (owner) out[field] = owners[owner];
    if (owner || !(field in row)) continue;
    const value = row[field];
    out[field] = column.columnType === 'PgTimestamp' && typeof value === 'string' ? new Date(value) : value;
  }
  return out;
}
