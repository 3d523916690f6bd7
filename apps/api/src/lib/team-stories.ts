import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { events, projects, statuses, stories, type Db, type Tx } from '@ordo/db';
import {
  formatStoryKey,
  isDoneCategory,
  storyOfEvent,
  changesUncarriedStories,
  type StatusCategory,
  type TeamStory,
} from '@ordo/domain';

/** What the forecast needs of a story, kept between reads; `done` follows from its status when read. */
type KeptStory = Omit<TeamStory, 'done'> & { statusId: string };

interface Kept {
  seq: number;
  byId: Map<string, KeptStory>;
  /** In rank order; rebuilt from `byId` only when a patch touched it. */
  ordered: KeptStory[];
}

/** Past this many events since the last read, reading the list again is cheaper than patching it. */
const MAX_PATCH = 500;
const KEPT_TEAMS = 64;

const byRank = (a: KeptStory, b: KeptStory) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);

/**
 * The team's live stories in rank order, with a seq read before them: every change the stories show is at
 * or before it, or in an event after it, and the next patch applies those again in order (a story event
 * carries the whole story, so applying one twice changes nothing). Reading the seq after the stories, or
 * only when there are stories, could keep a list that misses a change already behind its seq. No ORM
 * mapping of 50,000 rows; the rank order lets the work queue's sort find them sorted already.
 */
async function readAll(db: Db | Tx, project: { id: string; key: string }): Promise<Kept> {
  const [seqRow] = await db
    .select({ seq: projects.lastSeq })
    .from(projects)
    .where(eq(projects.id, project.id));
  const result = await db.execute(sql`select ${stories.id} as id, ${stories.number} as number,
      ${stories.epicId} as "epicId", ${stories.points} as points, ${stories.rank} as rank,
      ${stories.sprintId} as "sprintId", ${stories.statusId} as "statusId"
    from ${stories}
    where ${stories.projectId} = ${project.id} and ${stories.deletedAt} is null
    order by ${stories.rank}`);
  type Row = Omit<KeptStory, 'key'> & { number: number };
  const ordered = (result as { rows: Row[] }).rows.map((row) => ({
    id: row.id,
    key: formatStoryKey(project.key, row.number),
    epicId: row.epicId,
    points: row.points,
    rank: row.rank,
    sprintId: row.sprintId,
    statusId: row.statusId,
  }));
  return { seq: seqRow?.seq ?? 0, byId: new Map(ordered.map((s) => [s.id, s])), ordered };
}

/**
 * Brings a kept list up to date from the events after its seq (the log is gap-free and a project's writers
 * commit in seq order, so what is read is a prefix of the log). Null when reading the list again is the
 * better way: too many events, or one that changes stories without carrying them.
 */
async function patch(db: Db | Tx, projectId: string, kept: Kept): Promise<Kept | null> {
  const since = await db
    .select({ seq: events.seq, type: events.type, data: events.data })
    .from(events)
    .where(and(eq(events.projectId, projectId), gt(events.seq, kept.seq)))
    .orderBy(asc(events.seq))
    .limit(MAX_PATCH + 1);
  if (since.length === 0) return kept;
  if (since.length > MAX_PATCH || since.some((e) => changesUncarriedStories(e.type))) return null;
  const byId = new Map(kept.byId);
  for (const event of since) {
    const story = storyOfEvent(event);
    if (!story) continue;
    if (story.deleted) byId.delete(story.id);
    else
      byId.set(story.id, {
        id: story.id,
        key: story.key,
        epicId: story.epicId,
        points: story.points,
        rank: story.rank,
        sprintId: story.sprintId,
        statusId: story.statusId,
      });
  }
  return { seq: since.at(-1)!.seq, byId, ordered: [...byId.values()].sort(byRank) };
}

/**
 * The roadmap's view of each team's stories, kept by this instance per database and team and brought up
 * to date from the event log: a roadmap read after a rank move reads one event, not 50,000 stories. The
 * forecast input is the same as reading every story (`roadmap-stories.test.ts` compares them after every
 * kind of write).
 */
class TeamStories {
  private readonly kept = new Map<string, Promise<Kept>>();

  async read(db: Db | Tx, project: { id: string; key: string }): Promise<TeamStory[]> {
    const [kept, categories] = await Promise.all([
      this.upToDate(db, project),
      statusCategories(db, project.id),
    ]);
    // Written out field by field: the forecast walks these 2,000 times, and literal objects share one shape.
    return kept.ordered.map((s) => ({
      id: s.id,
      key: s.key,
      epicId: s.epicId,
      points: s.points,
      rank: s.rank,
      sprintId: s.sprintId,
      done: isDoneCategory(categories.get(s.statusId) ?? 'todo'),
    }));
  }

  private upToDate(db: Db | Tx, project: { id: string; key: string }): Promise<Kept> {
    const key = `${project.id}:${project.key}`;
    const previous = this.kept.get(key);
    const next = (previous ?? Promise.reject(new Error('none kept')))
      .then((kept) => patch(db, project.id, kept))
      .catch(() => null)
      .then((kept) => kept ?? readAll(db, project));
    this.kept.delete(key);
    this.kept.set(key, next);
    next.catch(() => this.kept.get(key) === next && this.kept.delete(key));
    if (this.kept.size > KEPT_TEAMS) this.kept.delete(this.kept.keys().next().value!);
    return next;
  }
}

async function statusCategories(db: Db | Tx, projectId: string) {
  const rows = await db
    .select({ id: statuses.id, category: statuses.category })
    .from(statuses)
    .where(eq(statuses.projectId, projectId));
  return new Map<string, StatusCategory>(rows.map((r) => [r.id, r.category]));
}

const perDatabase = new WeakMap<Db, TeamStories>();

/** The team's live stories in rank order, as the forecast reads them. */
export function teamStories(db: Db, project: { id: string; key: string }): Promise<TeamStory[]> {
  let kept = perDatabase.get(db);
  if (!kept) perDatabase.set(db, (kept = new TeamStories()));
  return kept.read(db, project);
}

/**
 * Every live story read afresh: what `teamStories` must always equal (its test compares the two), and what a
 * write in progress reads (its `Tx` sees its own uncommitted changes, which must never be kept).
 */
export async function readTeamStories(db: Db | Tx, project: { id: string; key: string }) {
  return new TeamStories().read(db, project);
}
