import { addDays, daysBetween } from '../dates';
import { MAX_SPRINT_DAYS } from '../sprint';
import type { StatusCategory } from '../schemas/project';
import type { ImportReport } from '../schemas/import';
import type { Story } from '../schemas/story';
import type { JiraIssue, JiraLinkType, JiraPerson } from './jira-issue';
import { nearestPoints } from './points';
import { jiraToMarkdown } from './wiki-markup';

type StoryType = Story['type'];

export interface ImportContext {
  projectKey: string;
  /** The workflow in board order. */
  statuses: readonly { id: string; name: string; category: StatusCategory }[];
  members: readonly { id: string; name: string; email: string }[];
  /** Stories imported before, by their Jira key: a re-import updates them. */
  existingStories: ReadonlyMap<string, { number: number }>;
  /** Numbers of this project's stories that are not imported from Jira (they keep their keys). */
  takenNumbers: ReadonlySet<number>;
  existingSprints: ReadonlyMap<string, { state: 'planned' | 'active' | 'closed' }>;
  /** What the wizard's mapping changes: Jira status name → Ordo status id; Jira person → member id or null. */
  overrides?: {
    statuses?: Readonly<Record<string, string>>;
    people?: Readonly<Record<string, string | null>>;
  };
  /** When the import runs: the date of a comment Jira gave none. */
  now: string;
}

export interface PlannedStory {
  externalKey: string;
  /** Whether the project has it already (an earlier import, or its own story of that key): it is updated. */
  existing: boolean;
  /** The story number: the Jira number when the project keys match and it is free, else a new one (null). */
  number: number | null;
  type: StoryType;
  title: string;
  description: string;
  points: number | null;
  labels: string[];
  epicKey: string | null;
  sprintName: string | null;
  spilledFrom: string[];
  statusId: string;
  done: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  reporterId: string | null;
  reporterName: string | null;
  resolution: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  resolvedAt: string | null;
  dueDate: string | null;
}

export interface PlannedEpic {
  externalKey: string;
  title: string;
  outcome: string;
  status: 'planned' | 'in_progress' | 'done';
  createdAt: string | null;
}

export interface PlannedSprint {
  name: string;
  state: 'planned' | 'active' | 'closed';
  startDate: string | null;
  endDate: string | null;
  committedPoints: number | null;
  completedPoints: number | null;
  completedAt: string | null;
}

export interface PlannedComment {
  storyKey: string;
  at: string;
  authorId: string | null;
  authorName: string;
  body: string;
}

export interface PlannedSubtask {
  externalKey: string;
  parentKey: string;
  title: string;
  done: boolean;
  assigneeId: string | null;
}

export interface PlannedLink {
  from: string;
  to: string;
  type: JiraLinkType;
}

export interface ImportPlan {
  report: ImportReport;
  /** In the Jira rank order: the backlog order new stories take. */
  stories: PlannedStory[];
  epics: PlannedEpic[];
  sprints: PlannedSprint[];
  comments: PlannedComment[];
  subtasks: PlannedSubtask[];
  links: PlannedLink[];
}

const MAX_TITLE = 255;
const MAX_DESCRIPTION = 50_000;
const MAX_LABELS = 20;
const MAX_LABEL = 50;
const MAX_COMMENT = 10_000;

const isEpicType = (type: string) => /^(epic|épopée|epique|épique)$/i.test(type.trim());
const isSubtaskType = (type: string) => /^(sub-?task|sous-tâche|sous-tache)$/i.test(type.trim());

/** Jira's issue types as Ordo's (English and French names); any other (Improvement, New Feature…) is a story. */
export function storyTypeOfJira(type: string): StoryType {
  const t = type.trim().toLowerCase();
  if (['bug', 'bogue', 'defect', 'anomalie'].includes(t)) return 'bug';
  if (['task', 'tâche', 'tache'].includes(t)) return 'task';
  if (['spike', 'research', 'recherche'].includes(t)) return 'spike';
  return 'story';
}

const DONE_NAMES =
  /^(done|closed|resolved|fixed|complete|completed|terminé|termine|fermé|ferme|résolu|resolu)$/i;
const PROGRESS_NAMES = /(progress|review|testing|qa|doing|en cours|revue|test)/i;

/** The category of a Jira status Ordo has no status of the same name for. */
function categoryOf(issue: JiraIssue): StatusCategory {
  if (issue.statusCategory) return issue.statusCategory;
  if (DONE_NAMES.test(issue.status.trim())) return 'done';
  if (PROGRESS_NAMES.test(issue.status)) return 'in_progress';
  return issue.resolution && !/^unresolved|non résolu$/i.test(issue.resolution) ? 'done' : 'todo';
}

function truncate(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Everything an import will do, decided from the issues alone: the report the dry run shows and the rows the
 * writer puts in one transaction. Pure: the API loads the context, asks, and writes what comes back.
 */
export function planImport(issues: readonly JiraIssue[], context: ImportContext): ImportPlan {
  const report: ImportReport = {
    stories: 0,
    epics: 0,
    sprints: 0,
    comments: 0,
    subtasks: 0,
    links: 0,
    users: { matched: 0, unmatched: [] },
    people: [],
    statuses: [],
    points: { kept: 0, rounded: [], dropped: 0 },
    skipped: [],
    warnings: [],
    created: 0,
    updated: 0,
  };
  const warn = (text: string) => void (report.warnings.includes(text) || report.warnings.push(text));

  // Each key once: a later row of the same key is a mistake in the file.
  const seen = new Set<string>();
  const rows: JiraIssue[] = [];
  let generated = 0;
  for (const issue of issues) {
    if (!issue.summary) {
      report.skipped.push({ line: issue.line, key: issue.key || null, reason: 'the Summary is empty' });
      continue;
    }
    const key = issue.key || `${context.projectKey}-import-${++generated}`;
    if (seen.has(key)) {
      report.skipped.push({ line: issue.line, key, reason: `${key} appears earlier in the file` });
      continue;
    }
    seen.add(key);
    rows.push({ ...issue, key });
  }
  if (generated > 0)
    warn(
      'The file has no Issue key column: the stories get new keys, and importing it again adds them again.',
    );
  const byId = new Map(rows.filter((r) => r.id).map((r) => [r.id!, r]));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const parentOf = (issue: JiraIssue) =>
    issue.parentKey ?? (issue.parentId ? (byId.get(issue.parentId)?.key ?? null) : null);

  // People: by email, then by name; the rest are kept as names.
  const people = personMatcher(context);
  const matchPerson = (p: JiraPerson | null) => {
    if (!p) return { id: null, name: null };
    const id = people.match(p);
    return { id, name: id ? null : p.name };
  };

  // Statuses: the same name, else the first of the same category.
  const statusFor = new Map<string, { id: string; category: StatusCategory }>();
  const statusOf = (issue: JiraIssue) => {
    const cacheKey = `${issue.status}\u0000${issue.statusCategory ?? ''}`;
    const cached = statusFor.get(cacheKey);
    if (cached) return cached;
    const override = context.overrides?.statuses?.[issue.status];
    const chosen =
      context.statuses.find((s) => s.id === override) ??
      context.statuses.find((s) => s.name.trim().toLowerCase() === issue.status.trim().toLowerCase()) ??
      context.statuses.find((s) => s.category === categoryOf(issue)) ??
      context.statuses[0]!;
    statusFor.set(cacheKey, chosen);
    if (!report.statuses.some((s) => s.from === issue.status))
      report.statuses.push({ from: issue.status, to: nameOf(context, chosen.id) });
    return chosen;
  };

  const epics: PlannedEpic[] = [];
  const epicKeys = new Set<string>();
  for (const issue of rows.filter((r) => isEpicType(r.type))) {
    epicKeys.add(issue.key);
    const category = categoryOf(issue);
    epics.push({
      externalKey: issue.key,
      title: truncate(issue.epicName ?? issue.summary, 200),
      outcome: truncate(jiraToMarkdown(issue.description), 5000),
      status: category === 'done' ? 'done' : category === 'in_progress' ? 'in_progress' : 'planned',
      createdAt: issue.created,
    });
  }

  // Ordered by Jira rank (LexoRank strings compare byte-wise), else kept in the file's order.
  const storyRows = rows.filter((r) => !isEpicType(r.type) && !isSubtaskType(r.type));
  const ordered = storyRows
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      const ra = a.issue.rank;
      const rb = b.issue.rank;
      if (ra && rb && ra !== rb) return ra < rb ? -1 : 1;
      if (ra && !rb) return -1;
      if (!ra && rb) return 1;
      return a.index - b.index;
    })
    .map((x) => x.issue);

  const numbersUsed = new Set(context.takenNumbers);
  for (const { number } of context.existingStories.values()) numbersUsed.add(number);
  const stories: PlannedStory[] = [];
  const comments: PlannedComment[] = [];
  for (const issue of ordered) {
    const status = statusOf(issue);
    const done = status.category === 'done';
    const points = pointsOf(issue, report);
    const epicKey = epicOf(issue, parentOf(issue), epicKeys, byKey);
    const labels = [...issue.labels, ...(issue.priority ? [`priority:${issue.priority}`] : [])]
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    const keptLabels = [...new Set(labels.map((l) => truncate(l, MAX_LABEL)))].slice(0, MAX_LABELS);
    if (keptLabels.length < new Set(labels).size)
      warn(`${issue.key} has more than ${MAX_LABELS} labels: the first ${MAX_LABELS} are kept`);
    const description = jiraToMarkdown(issue.description);
    if (description.length > MAX_DESCRIPTION)
      warn(`${issue.key}'s description is cut at ${MAX_DESCRIPTION} characters`);
    if (issue.summary.length > MAX_TITLE) warn(`${issue.key}'s summary is cut at ${MAX_TITLE} characters`);
    const sprintNames = issue.sprints.map((s) => s.name.slice(0, 100));
    const assignee = matchPerson(issue.assignee);
    const reporter = matchPerson(issue.reporter);
    stories.push({
      externalKey: issue.key,
      existing: context.existingStories.has(issue.key),
      number:
        context.existingStories.get(issue.key)?.number ??
        keptNumber(issue.key, context.projectKey, numbersUsed),
      type: storyTypeOfJira(issue.type),
      title: truncate(issue.summary, MAX_TITLE),
      description: truncate(description, MAX_DESCRIPTION),
      points,
      labels: keptLabels,
      epicKey,
      sprintName: sprintNames.at(-1) ?? null,
      spilledFrom: sprintNames.slice(0, -1),
      statusId: status.id,
      done,
      assigneeId: assignee.id,
      assigneeName: assignee.name,
      reporterId: reporter.id,
      reporterName: reporter.name,
      resolution: issue.resolution,
      createdAt: issue.created,
      updatedAt: issue.updated,
      resolvedAt: issue.resolved,
      dueDate: issue.due,
    });
    for (const comment of issue.comments) {
      if (!comment.body) continue;
      const author = matchPerson(comment.author);
      comments.push({
        storyKey: issue.key,
        at: comment.at ?? issue.updated ?? issue.created ?? context.now,
        authorId: author.id,
        authorName: author.id ? people.nameOf(author.id) : (author.name ?? 'Jira'),
        body: truncate(jiraToMarkdown(comment.body), MAX_COMMENT),
      });
    }
  }

  const storyKeys = new Set(stories.map((s) => s.externalKey));
  const subtasks: PlannedSubtask[] = [];
  for (const issue of rows.filter((r) => isSubtaskType(r.type))) {
    const parentKey = parentOf(issue);
    if (!parentKey || !(storyKeys.has(parentKey) || context.existingStories.has(parentKey))) {
      report.skipped.push({
        line: issue.line,
        key: issue.key,
        reason: parentKey ? `its parent ${parentKey} is not imported` : 'a sub-task without a parent',
      });
      continue;
    }
    subtasks.push({
      externalKey: issue.key,
      parentKey,
      title: truncate(issue.summary, 255),
      done: statusOf(issue).category === 'done',
      assigneeId: matchPerson(issue.assignee).id,
    });
  }

  const links = linksOf(rows, (key) => storyKeys.has(key) || context.existingStories.has(key));
  const sprints = sprintsOf(ordered, stories, context, warn);
  // An unfinished story of a closed sprint went back to the backlog when the sprint ended, as in Ordo.
  const closed = new Set(sprints.filter((s) => s.state === 'closed').map((s) => s.name));
  for (const [name, sprint] of context.existingSprints) if (sprint.state === 'closed') closed.add(name);
  for (const story of stories) {
    if (story.sprintName && closed.has(story.sprintName) && !story.done) {
      story.spilledFrom.push(story.sprintName);
      story.sprintName = null;
    }
  }

  report.users = { matched: people.matched.size, unmatched: [...people.unmatched].sort() };
  report.people = people.mapping();
  report.stories = stories.length;
  report.created = stories.filter((s) => !s.existing).length;
  report.updated = stories.length - report.created;
  report.epics = epics.length;
  report.sprints = sprints.length;
  report.comments = comments.length;
  report.subtasks = subtasks.length;
  report.links = links.length;
  return { report, stories, epics, sprints, comments, subtasks, links };
}

const nameOf = (context: ImportContext, statusId: string) =>
  context.statuses.find((s) => s.id === statusId)?.name ?? '';

/** The Jira number when the project key matches and nobody holds the number yet. */
function keptNumber(jiraKey: string, projectKey: string, used: Set<number>): number | null {
  const match = /^([A-Z][A-Z0-9_]*)-(\d+)$/.exec(jiraKey);
  if (!match || match[1] !== projectKey) return null;
  const number = Number(match[2]);
  if (number < 1 || number > 999_999_999 || used.has(number)) return null;
  used.add(number);
  return number;
}

function pointsOf(issue: JiraIssue, report: ImportReport): number | null {
  if (issue.points === null) {
    if (issue.pointsText) report.points.dropped++;
    return null;
  }
  const points = nearestPoints(issue.points);
  if (points === null) report.points.dropped++;
  else if (points !== issue.points)
    report.points.rounded.push({ key: issue.key, from: issue.points, to: points });
  else report.points.kept++;
  return points;
}

function epicOf(
  issue: JiraIssue,
  parentKey: string | null,
  epicKeys: Set<string>,
  byKey: Map<string, JiraIssue>,
): string | null {
  if (issue.epicKey) return issue.epicKey;
  if (parentKey && (epicKeys.has(parentKey) || isEpicType(byKey.get(parentKey)?.type ?? '')))
    return parentKey;
  return null;
}

/** Jira lists a link on both of its ends: each is kept once, `blocks`/`duplicates` pointing outward. */
function linksOf(rows: readonly JiraIssue[], isKnown: (key: string) => boolean): PlannedLink[] {
  const links = new Map<string, PlannedLink>();
  for (const issue of rows) {
    for (const link of issue.links) {
      if (!isKnown(issue.key) || !isKnown(link.key) || issue.key === link.key) continue;
      let [from, to] = link.direction === 'outward' ? [issue.key, link.key] : [link.key, issue.key];
      if (link.type === 'relates' && from > to) [from, to] = [to, from];
      links.set(`${link.type} ${from} ${to}`, { from, to, type: link.type });
    }
  }
  return [...links.values()];
}

function personMatcher(context: ImportContext) {
  const byEmail = new Map(context.members.map((m) => [m.email.toLowerCase(), m]));
  const byName = new Map(context.members.map((m) => [m.name.trim().toLowerCase(), m]));
  const matched = new Map<string, { id: string; by: 'email' | 'name' | 'mapping' }>();
  const unmatched = new Set<string>();
  return {
    matched,
    unmatched,
    match(p: JiraPerson): string | null {
      const override = context.overrides?.people?.[p.name];
      if (override !== undefined) {
        const member = context.members.find((m) => m.id === override);
        if (member) matched.set(p.name, { id: member.id, by: 'mapping' });
        else unmatched.add(p.name);
        return member?.id ?? null;
      }
      const email = p.email ? byEmail.get(p.email) : undefined;
      const member =
        email ?? byName.get(p.name.trim().toLowerCase()) ?? byEmail.get(p.name.trim().toLowerCase());
      if (member) matched.set(p.name, { id: member.id, by: email ? 'email' : 'name' });
      else unmatched.add(p.name);
      return member?.id ?? null;
    },
    nameOf: (id: string) => context.members.find((m) => m.id === id)?.name ?? '',
    mapping: () => [
      ...[...matched].map(([from, m]) => ({ from, to: m.id, by: m.by })),
      ...[...unmatched].map((from) => ({ from, to: null, by: 'none' as const })),
    ],
  };
}

/**
 * The sprints the stories name, with their state, dates and points. Jira's JSON says a sprint's state and
 * dates; a CSV names sprints only, so a sprint is taken as closed when none of its stories is still open in
 * it, and its dates are estimated from when its stories were resolved (said in the warnings).
 */
function sprintsOf(
  issues: readonly JiraIssue[],
  stories: readonly PlannedStory[],
  context: ImportContext,
  warn: (text: string) => void,
): PlannedSprint[] {
  const known = new Map<string, JiraIssue['sprints'][number]>();
  for (const issue of issues)
    for (const sprint of issue.sprints)
      if (!known.has(sprint.name) || sprint.state) known.set(sprint.name, sprint);
  const sprints: PlannedSprint[] = [];
  let estimated = false;
  let active = [...context.existingSprints.values()].some((s) => s.state === 'active');
  for (const [name, jira] of known) {
    const inIt = stories.filter((s) => s.sprintName === name || s.spilledFrom.includes(name));
    const endedIn = inIt.filter((s) => s.sprintName === name);
    const open = endedIn.some((s) => !s.done);
    let state = jira.state ?? (open ? 'planned' : 'closed');
    let { startDate, endDate } = jira;
    if (state === 'closed' && (!startDate || !endDate)) {
      const resolved = endedIn
        .map((s) => s.resolvedAt?.slice(0, 10))
        .filter((d): d is string => !!d)
        .sort();
      endDate = endDate ?? resolved.at(-1) ?? null;
      startDate = startDate ?? (endDate ? addDays(endDate, -13) : null);
      estimated = true;
    }
    if (
      startDate &&
      endDate &&
      (daysBetween(startDate, endDate) < 1 || daysBetween(startDate, endDate) > MAX_SPRINT_DAYS)
    ) {
      warn(
        `Sprint "${name}" ran from ${startDate} to ${endDate}, outside Ordo's 1 day to 4 weeks: its dates are kept as they were`,
      );
    }
    if (state === 'active') {
      if (active) {
        warn(`Sprint "${name}" was active too: Ordo runs one sprint at a time, it is imported as planned`);
        state = 'planned';
      }
      active = true;
    }
    const sum = (list: readonly PlannedStory[]) => list.reduce((total, s) => total + (s.points ?? 0), 0);
    sprints.push({
      name,
      state,
      startDate,
      endDate,
      committedPoints: state === 'planned' ? null : sum(inIt),
      completedPoints: state === 'closed' ? sum(endedIn.filter((s) => s.done)) : null,
      completedAt:
        state === 'closed' ? (jira.completedAt ?? (endDate ? `${endDate}T23:59:59.000Z` : null)) : null,
    });
  }
  if (estimated)
    warn(
      'The CSV names sprints without their dates: a closed sprint ends on the day its last story was resolved and starts two weeks before',
    );
  return sprints;
}
