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
 * (every row only points at rows written before it). Rows travel as stored, minus `projectId`, with times
 * as ISO strings: a new column is exported and restored without touching this code. Links to stories of
 * other projects stay out (their other end is not in the document).
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
export const EXPORT_TABLE_NAMES = Object.keys(EXPORT_TABLES) as ExportTable[];

type Row = Record<string, unknown>;
/** Columns that hold the project's own id: left out of the document, set to the target project on restore. */
const PROJECT_COLUMNS = ['projectId', 'toProjectId'];

/** A stored row as the document holds it. */
export function exportRow(row: Row): Row {
  const out: Row = {};
  for (const [name, value] of Object.entries(row)) {
    if (PROJECT_COLUMNS.includes(name)) continue;
    out[name] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** A document row back as the table's insert values: times as dates, unknown fields dropped. */
export function importRow(name: ExportTable, row: Row, projectId: string): Row {
  const columns = getTableColumns(EXPORT_TABLES[name].table) as Record<string, { columnType: string }>;
  const out: Row = {};
  for (const [field, column] of Object.entries(columns)) {
    if (PROJECT_COLUMNS.includes(field)) out[field] = projectId;
    if (PROJECT_COLUMNS.includes(field) || !(field in row)) continue;
    const value = row[field];
    out[field] = column.columnType === 'PgTimestamp' && typeof value === 'string' ? new Date(value) : value;
  }
  return out;
}
