import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Fractional-index ranks compare byte by byte, whatever the database's locale. */
const rank = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const day = (name: string) => date(name, { mode: 'string' });

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** `@handle` for mentions: unique, made from the email at registration (see @ordo/domain handleFromEmail). */
  handle: text('handle').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
  /** Instance admin: lists and deactivates users, reads the audit log (the first user, or ORDO_ADMIN_EMAIL). */
  isAdmin: boolean('is_admin').notNull().default(false),
  /** A deactivated user cannot sign in; their sessions and tokens are gone. */
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true, mode: 'date' }),
});

/** Sessions and personal access tokens are stored only as SHA-256 hashes of their secrets. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** Moved forward (coarsely) as the session is used; a session idle too long ends. */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  /** None: the token works until revoked. */
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
});

/**
 * One counter per limit and subject (`login-address:203.0.113.7`), shared by every API instance: see
 * apps/api/src/lib/rate-limit.ts for how windows and growing delays use it.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true, mode: 'date' }).notNull(),
    hits: integer('hits').notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'date' }),
    /** Whether the latest hit was let through: the one statement that counts also answers. */
    allowed: boolean('allowed').notNull(),
  },
  (t) => [index('rate_limits_last_at').on(t.lastAt)],
);

/** Instance-level security events (sign-ins, failures, tokens, role changes, exports), kept 90 days. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: createdAt(),
    kind: text('kind').notNull(),
    /** Who did it (none for a failed sign-in of an unknown email). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Whom or what it concerns, when not the actor: a user id, a project key, a token id. */
    subject: text('subject'),
    address: text('address'),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_actor').on(t.actorId, t.at)],
);

/**
 * A product: the vision, the epics, the roadmap and the feedback inbox, shared by its teams (projects). A
 * project created on its own gets a product of its own, with the same key and name.
 */
export const products = pgTable('products', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  vision: text('vision').notNull().default(''),
  createdAt: createdAt(),
});

/** Product roles (`admin`, `product_manager`, `stakeholder`): they hold in every team of the product. */
export const productMembers = pgTable(
  'product_members',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roles: text('roles').array().notNull(),
    joinedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.userId] }), index('product_members_user').on(t.userId)],
);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The product this team works on (its vision, epics, roadmap and feedback). */
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    /** Last event seq; bumped under the row lock, which also serialises a project's writes. */
    lastSeq: integer('last_seq').notNull().default(0),
    lastStoryNumber: integer('last_story_number').notNull().default(0),
    /** Points per sprint to forecast with before any sprint has closed. */
    plannedVelocity: integer('planned_velocity'),
    createdAt: createdAt(),
  },
  (t) => [index('projects_product').on(t.productId)],
);

export const members = pgTable(
  'members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roles: text('roles').array().notNull(),
    joinedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('members_user').on(t.userId)],
);

export const statuses = pgTable(
  'statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    category: text('category', { enum: ['todo', 'in_progress', 'done'] }).notNull(),
    wipLimit: integer('wip_limit'),
    position: integer('position').notNull(),
  },
  (t) => [index('statuses_project').on(t.projectId, t.position)],
);

export const sprints = pgTable(
  'sprints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    goal: text('goal').notNull().default(''),
    startDate: day('start_date'),
    endDate: day('end_date'),
    state: text('state', { enum: ['planned', 'active', 'closed'] })
      .notNull()
      .default('planned'),
    committedPoints: integer('committed_points'),
    completedPoints: integer('completed_points'),
    reviewNotes: text('review_notes').notNull().default(''),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('sprints_project').on(t.projectId, t.createdAt),
    uniqueIndex('sprints_one_active')
      .on(t.projectId)
      .where(sql`${t.state} = 'active'`),
  ],
);

/** A product's epic: its stories may sit in any team of the product. */
export const epics = pgTable(
  'epics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    outcome: text('outcome').notNull().default(''),
    color: text('color').notNull().default('#6366f1'),
    startDate: day('start_date'),
    targetDate: day('target_date'),
    status: text('status', { enum: ['planned', 'in_progress', 'done'] })
      .notNull()
      .default('planned'),
    rank: rank('rank').notNull(),
    createdAt: createdAt(),
    /** The Jira key of an epic imported from Jira (a re-import updates it). */
    externalKey: text('external_key'),
  },
  (t) => [
    uniqueIndex('epics_product_rank').on(t.productId, t.rank),
    uniqueIndex('epics_product_external_key')
      .on(t.productId, t.externalKey)
      .where(sql`${t.externalKey} is not null`),
  ],
);

export const stories = pgTable(
  'stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    type: text('type', { enum: ['story', 'bug', 'task', 'spike'] })
      .notNull()
      .default('story'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    persona: text('persona').notNull().default(''),
    goal: text('goal').notNull().default(''),
    benefit: text('benefit').notNull().default(''),
    acceptanceCriteria: jsonb('acceptance_criteria')
      .$type<{ text: string; done: boolean }[]>()
      .notNull()
      .default([]),
    points: integer('points'),
    labels: text('labels')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    epicId: uuid('epic_id').references(() => epics.id, { onDelete: 'set null' }),
    sprintId: uuid('sprint_id').references(() => sprints.id, { onDelete: 'set null' }),
    statusId: uuid('status_id')
      .notNull()
      .references(() => statuses.id),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: day('due_date'),
    accepted: boolean('accepted').notNull().default(false),
    rank: rank('rank').notNull(),
    version: integer('version').notNull().default(1),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    /** The sprints this story was carried over from, oldest first. */
    spilledFrom: uuid('spilled_from')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Sub-task progress, kept by the sub-task writer in the same transaction, so lists need no join. */
    subtasksDone: integer('subtasks_done').notNull().default(0),
    subtasksTotal: integer('subtasks_total').notNull().default(0),
    // `search` (tsvector generated from the text, GIN-indexed) comes from the `story_search` migration and is
    // left out of this schema on purpose: drizzle would otherwise read it with every story row.
    /** The Jira key a story was imported from: a re-import updates it, and `GET .../stories/JIRA-KEY` finds it. */
    externalKey: text('external_key'),
    resolution: text('resolution'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    /** An imported assignee or reporter who is no member, kept by name. */
    assigneeName: text('assignee_name'),
    reporterName: text('reporter_name'),
  },
  (t) => [
    uniqueIndex('stories_number').on(t.projectId, t.number),
    uniqueIndex('stories_external_key')
      .on(t.projectId, t.externalKey)
      .where(sql`${t.externalKey} is not null`),
    uniqueIndex('stories_rank').on(t.projectId, t.rank),
    index('stories_sprint').on(t.projectId, t.sprintId),
    index('stories_epic').on(t.projectId, t.epicId),
    index('stories_updated').on(t.projectId, t.updatedAt, t.id),
    // With rank, the due sort (soonest first, then backlog order) walks the index instead of sorting the project.
    index('stories_due').on(t.projectId, t.dueDate, t.rank),
  ],
);

/** A story's checklist of tasks for the team, each with its own assignee. */
export const subtasks = pgTable(
  'subtasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    done: boolean('done').notNull().default(false),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('subtasks_story').on(t.projectId, t.storyId, t.createdAt)],
);

/** `from` blocks / relates to / duplicates `to`; `to` may be a story of another project. */
export const storyLinks = pgTable(
  'story_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromStoryId: uuid('from_story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    toProjectId: uuid('to_project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    toStoryId: uuid('to_story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    type: text('type', { enum: ['blocks', 'relates', 'duplicates'] }).notNull(),
    createdAt: createdAt(),
    /**
     * Since when a `blocks` link between two teams is a dependency conflict, as last judged by a change to
     * one of its stories; null while it is not one. Its POs and PMs are told once, when it becomes one.
     */
    conflictSince: timestamp('conflict_since', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('story_links_pair').on(t.fromStoryId, t.toStoryId, t.type),
    index('story_links_to').on(t.toStoryId),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('comments_story').on(t.projectId, t.storyId, t.createdAt)],
);

export const retroItems = pgTable(
  'retro_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sprintId: uuid('sprint_id')
      .notNull()
      .references(() => sprints.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['went_well', 'to_improve', 'action'] }).notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('retro_sprint').on(t.projectId, t.sprintId)],
);

/** The product's feedback inbox; a feedback may point at a story of any team of the product. */
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    source: text('source').notNull().default(''),
    epicId: uuid('epic_id').references(() => epics.id, { onDelete: 'set null' }),
    storyId: uuid('story_id').references(() => stories.id, { onDelete: 'set null' }),
    done: boolean('done').notNull().default(false),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('feedback_product').on(t.productId, t.createdAt)],
);

/** The project's append-only log: history, audit, reports, live sync and catch-up all read it. */
export const events = pgTable(
  'events',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: createdAt(),
    /** The story the event is about, if any, so a story's history is an index scan. */
    storyId: uuid('story_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.seq] }),
    index('events_story').on(t.projectId, t.storyId, t.seq),
    // The sprint reports find the stories that were ever in a sprint from the story snapshots.
    index('events_story_sprint').on(t.projectId, sql`(${t.data}->'story'->>'sprintId')`),
  ],
);

/** Who follows a story: its creator, its assignee, whoever commented, and whoever chose to watch it. */
export const watchers = pgTable(
  'watchers',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.storyId, t.userId] })],
);

/** A user's inbox: written in the transaction of the change it tells about. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    storyId: uuid('story_id').references(() => stories.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    text: text('text').notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_inbox').on(t.userId, t.createdAt, t.id),
    index('notifications_unread')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/**
 * Mail waiting to go out: written in the transaction of the change that causes it, sent after commit by
 * the mail worker (apps/api/src/modules/mail), retried with backoff. `failed` rows stay, with the last error.
 */
export const mailQueue = pgTable(
  'mail_queue',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    state: text('state', { enum: ['pending', 'sent', 'failed', 'skipped'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When a worker may next try it; a claim moves it forward, so a crashed send is retried later. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('mail_queue_due')
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'pending'`),
  ],
);

/**
 * What every invitation by email holds, whether to a team or to a whole product: its roles, the SHA-256 of
 * the link's secret (only the hash is stored), who sent it; it works until `expiresAt`, once (`acceptedAt`).
 * Revoking deletes the row.
 */
const invitationColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  roles: text('roles').array().notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  invitedBy: uuid('invited_by')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
  acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/** An invitation to a project (a team), with team or product roles held in that project. */
export const invitations = pgTable(
  'invitations',
  {
    ...invitationColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [index('invitations_project').on(t.projectId, t.createdAt)],
);

/**
 * An invitation to a product, with product roles (held in every team of it): its own table, so that it
 * is pinned by `product_id` as the product's other rows are.
 */
export const productInvitations = pgTable(
  'product_invitations',
  {
    ...invitationColumns(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
  },
  (t) => [index('product_invitations_product').on(t.productId, t.createdAt)],
);

/** A password-reset link: the SHA-256 of its secret, one hour, once. */
export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
});

/** An import job: its progress while it runs, then what it did (or why it wrote nothing). */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    format: text('format', { enum: ['jira-csv', 'jira-json', 'ordo'] }).notNull(),
    state: text('state', { enum: ['running', 'done', 'failed'] })
      .notNull()
      .default('running'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    report: jsonb('report').$type<Record<string, unknown>>(),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('imports_project').on(t.projectId, t.createdAt)],
);
