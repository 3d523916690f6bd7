import { z } from 'zod';

/**
 * An Ordo backup is gzip-compressed JSON lines: this header first, then for each table a `{"$":"table"}`
 * line followed by one line per row (PostgreSQL's own `row_to_json`, so every value keeps its exact text),
 * and last an `{"$":"end"}` line with the row counts, so a truncated file is refused instead of half restored.
 */
export const BACKUP_FORMAT = 'ordo-backup';
export const BACKUP_VERSION = 1;

export const backupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.string(),
  database: z.enum(['pglite', 'postgres']),
  /** The latest migration of the instance it was taken from (drizzle's journal time). */
  schema: z.number(),
});
export type BackupHeader = z.infer<typeof backupHeader>;

export const tableLine = z.object({
  $: z.literal('table'),
  name: z.string(),
  columns: z.array(z.string()).min(1),
});

export const endLine = z.object({ $: z.literal('end'), rows: z.record(z.string(), z.number()) });

/** Marker lines start so; a row (`row_to_json` of our tables) never does, as no column is named `$`. */
export const MARKER = '{"$":';

/** A refusal the command line reports as it is (no stack): the file or the target is not what it takes. */
export class Refusal extends Error {}
