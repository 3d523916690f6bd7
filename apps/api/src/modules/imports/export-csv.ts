import { Readable } from 'node:stream';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { comments, epics, sprints, statuses, stories, users, type Db } from '@ordo/db';
import { productIdOf } from '../../lib/product-of';
import { formatStoryKey, markdownToJira } from '@ordo/domain';

const PAGE = 500;

/**
 * A spreadsheet opening the file must not run a cell as a formula (`=cmd|' /C calc'!A0`): a cell starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, as OWASP advises.
 */
export const neutralise = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** Full ISO times (Jira's importer takes a date format; Ordo reads these back to the millisecond). */
const jiraTime = (at: Date | null) => (at ? at.toISOString() : '');
const line = (cells: string[]) => stringify([cells.map(neutralise)], { record_delimiter: '\r\n' });

/**
 * The project's stories (and epics, as Epic rows) as a CSV with Jira's English headers, so that Jira or
 * Ordo itself can import it again; repeated columns (Labels, Sprint, Comment) as wide as the widest story.
 */
export function exportCsv(db: Db, project: { id: string; key: string }): Readable {
  async function* chunks() {
    const workflow = new Map(
      (await db.select().from(statuses).where(eq(statuses.projectId, project.id))).map((s) => [s.id, s]),
    );
    const sprintNames = new Map(
      (await db.select().from(sprints).where(eq(sprints.projectId, project.id))).map((s) => [s.id, s.name]),
    );
    const epicRows = await db
      .select()
      .from(epics)
      .where(eq(epics.productId, await productIdOf(db, project.id)))
      .orderBy(asc(epics.rank));
    const epicKey = new Map(epicRows.map((e, i) => [e.id, e.externalKey ?? `${project.key}EPIC-${i + 1}`]));
    const people = new Map(
      (await db.select({ id: users.id, name: users.name, email: users.email }).from(users)).map((u) => [
        u.id,
        u,
      ]),
    );
    const width = await db
      .select({ labels: stories.labels, spilled: stories.spilledFrom })
      .from(stories)
      .where(eq(stories.projectId, project.id));
    const labelColumns = Math.max(1, ...width.map((s) => s.labels.length));
    const sprintColumns = Math.max(1, ...width.map((s) => s.spilled.length + 1));
    const perStory = await db
      .select({ n: count() })
      .from(comments)
      .where(eq(comments.projectId, project.id))
      .groupBy(comments.storyId);
    const commentColumns = Math.max(1, ...perStory.map((c) => c.n));
    const headers = [
      'Summary',
      'Issue key',
      'Issue Type',
      'Status',
      'Status Category',
      'Priority',
      'Resolution',
      'Assignee',
      'Reporter',
      'Created',
      'Updated',
      'Resolved',
      'Due Date',
      ...Array<string>(labelColumns).fill('Labels'),
      'Description',
      ...Array<string>(sprintColumns).fill('Sprint'),
      'Custom field (Story Points)',
      'Custom field (Epic Link)',
      'Custom field (Epic Name)',
      'Custom field (Rank)',
      ...Array<string>(commentColumns).fill('Comment'),
    ];
    yield line(headers);
    const person = (id: string | null, name: string | null) =>
      id ? (people.get(id)?.email ?? '') : (name ?? '');
    const category = { todo: 'To Do', in_progress: 'In Progress', done: 'Done' } as const;
    for (const epic of epicRows) {
      const status =
        epic.status === 'done' ? 'Done' : epic.status === 'in_progress' ? 'In Progress' : 'To Do';
      yield line([
        epic.title,
        epicKey.get(epic.id)!,
        'Epic',
        status,
        status,
        '',
        '',
        '',
        '',
        jiraTime(epic.createdAt),
        '',
        '',
        epic.targetDate ?? '',
        ...Array<string>(labelColumns).fill(''),
        markdownToJira(epic.outcome),
        ...Array<string>(sprintColumns).fill(''),
        '',
        '',
        epic.title,
        epic.rank,
        ...Array<string>(commentColumns).fill(''),
      ]);
    }
    for (let offset = 0; ; offset += PAGE) {
      const rows = await db
        .select()
        .from(stories)
        .where(eq(stories.projectId, project.id))
        .orderBy(asc(stories.rank))
        .limit(PAGE)
        .offset(offset);
      const notes = rows.length
        ? await db
            .select()
            .from(comments)
            .where(
              and(
                eq(comments.projectId, project.id),
                inArray(
                  comments.storyId,
                  rows.map((r) => r.id),
                ),
              ),
            )
            .orderBy(asc(comments.createdAt))
        : [];
      for (const story of rows) {
        if (story.deletedAt) continue;
        const status = workflow.get(story.statusId);
        const priority = story.labels.find((l) => l.startsWith('priority:'))?.slice('priority:'.length) ?? '';
        const labels = story.labels.filter((l) => !l.startsWith('priority:'));
        const sprintList = [...story.spilledFrom, ...(story.sprintId ? [story.sprintId] : [])].map(
          (id) => sprintNames.get(id) ?? '',
        );
        const said = notes
          .filter((c) => c.storyId === story.id)
          .map((c) => `${jiraTime(c.createdAt)};${c.authorName};${markdownToJira(c.body)}`);
        const type = { story: 'Story', bug: 'Bug', task: 'Task', spike: 'Spike' }[story.type];
        yield line([
          story.title,
          story.externalKey ?? formatStoryKey(project.key, story.number),
          type,
          status?.name ?? '',
          status ? category[status.category] : '',
          priority,
          story.resolution ?? '',
          person(story.assigneeId, story.assigneeName),
          person(story.createdBy, story.reporterName),
          jiraTime(story.createdAt),
          jiraTime(story.updatedAt),
          jiraTime(story.resolvedAt),
          story.dueDate ?? '',
          ...pad(labels, labelColumns),
          markdownToJira(story.description),
          ...pad(sprintList, sprintColumns),
          story.points === null ? '' : String(story.points),
          story.epicId ? (epicKey.get(story.epicId) ?? '') : '',
          '',
          story.rank,
          ...pad(said, commentColumns),
        ]);
      }
      if (rows.length < PAGE) return;
    }
  }
  return Readable.from(chunks());
}

const pad = (cells: string[], width: number) => [
  ...cells,
  ...Array<string>(Math.max(0, width - cells.length)).fill(''),
];
