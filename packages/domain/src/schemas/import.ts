import { z } from 'zod';
import { id, isoDateTime, projectKey } from './common';

export const IMPORT_FORMATS = ['jira-csv', 'jira-json', 'ordo'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** The largest file an import takes. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** What an import does (the dry run's answer), and what a finished one did. */
export const importReport = z.object({
  stories: z.number().int(),
  epics: z.number().int(),
  sprints: z.number().int(),
  comments: z.number().int(),
  subtasks: z.number().int(),
  links: z.number().int(),
  /** People found among the members (by email, then name), and the names kept as text. */
  users: z.object({ matched: z.number().int(), unmatched: z.array(z.string()) }),
  /** Each Jira person and the member they map to (null: kept as a name); the wizard's mapping. */
  people: z.array(
    z.object({ from: z.string(), to: id.nullable(), by: z.enum(['email', 'name', 'mapping', 'none']) }),
  ),
  /** Each Jira status and the Ordo status it lands in. */
  statuses: z.array(z.object({ from: z.string(), to: z.string() })),
  points: z.object({
    kept: z.number().int(),
    rounded: z.array(z.object({ key: z.string(), from: z.number(), to: z.number() })),
    dropped: z.number().int(),
  }),
  skipped: z.array(z.object({ line: z.number().int(), key: z.string().nullable(), reason: z.string() })),
  warnings: z.array(z.string()),
  /** Of `stories`: new ones, and ones imported before that this run updates (matched by Jira key). */
  created: z.number().int(),
  updated: z.number().int(),
});
export type ImportReport = z.infer<typeof importReport>;

export const IMPORT_STATES = ['running', 'done', 'failed'] as const;
export const importJob = z.object({
  id,
  format: z.enum(IMPORT_FORMATS),
  state: z.enum(IMPORT_STATES),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  report: importReport.nullable(),
  /** Why a failed import wrote nothing. */
  error: z.string().nullable(),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
});
export type ImportJob = z.infer<typeof importJob>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The wizard's changes to the mapping: Jira status name → Ordo status id; Jira person → member id or null. */
export const importMapping = z.object({
  statuses: z.record(z.string().max(200), id).optional(),
  people: z.record(z.string().max(200), id.nullable()).optional(),
});
export type ImportMapping = z.infer<typeof importMapping>;

export const importQuery = z.object({
  format: z.enum(IMPORT_FORMATS),
  dryRun: flag.default(false),
  /** JSON of `importMapping`, from the wizard's mapping step. */
  mapping: z
    .string()
    .max(100_000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      try {
        const parsed = importMapping.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // reported below
      }
      ctx.addIssue({
        code: 'custom',
        message: 'must be JSON like {"statuses": {"In QA": "<status id>"}, "people": {"Jane": "<user id>"}}',
      });
      return z.NEVER;
    }),
});
export const importParams = z.object({ key: projectKey, id });
/** `wait=true`: answer once the import is no longer running, or after IMPORT_WAIT_MS (scripts and tests). */
export const importJobQuery = z.object({ wait: flag.default(false) });
export const IMPORT_WAIT_MS = 20_000;
export const importReportResponse = z.object({ report: importReport });
export const importResponse = z.object({ import: importJob });
