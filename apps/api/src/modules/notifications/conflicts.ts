import { and, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { members, productMembers, projects, stories, storyLinks, type Db, type Tx } from '@ordo/db';
import {
  conflictChanges,
  conflictNotices,
  formatStoryKey,
  storiesToJudge,
  todayUtc,
  type ConflictNotice,
  type JudgedEvent,
  type JudgedLink,
} from '@ordo/domain';
import type { Actor } from '../../lib/scope';
import { productConflicts, teamsOfProduct, type TeamProject } from '../../lib/team-forecast';
import { writeNotifications } from './write';

/**
 * The app's day for a database handle: project writes know the database, not the app (tests set the date
 * with `buildApp({ clock })`); the notifications module registers it when it starts, as it does the mailer.
 */
const days = new WeakMap<Db, () => string>();
export const useToday = (db: Db, today: () => string) => void days.set(db, today);

type CrossLink = JudgedLink & { projectId: string; toProjectId: string };

/** The `blocks` links between these stories of the project and stories of other teams, both directions. */
async function crossTeamLinks(tx: Tx, projectId: string, storyIds: string[]): Promise<CrossLink[]> {
  return tx
    .select({
      id: storyLinks.id,
      projectId: storyLinks.projectId,
      toProjectId: storyLinks.toProjectId,
      blocker: storyLinks.fromStoryId,
      blocked: storyLinks.toStoryId,
      conflictSince: storyLinks.conflictSince,
    })
    .from(storyLinks)
    .where(
      and(
        eq(storyLinks.type, 'blocks'),
        or(
          and(
            eq(storyLinks.projectId, projectId),
            inArray(storyLinks.fromStoryId, storyIds),
            ne(storyLinks.toProjectId, projectId),
          ),
          and(
            eq(storyLinks.toProjectId, projectId),
            inArray(storyLinks.toStoryId, storyIds),
            ne(storyLinks.projectId, projectId),
          ),
        ),
      ),
    );
}

/** The links named, each in the project it is stored in (the blocker's). */
const storedAt = (links: readonly CrossLink[]): SQL =>
  or(...links.map((l) => and(eq(storyLinks.projectId, l.projectId), eq(storyLinks.id, l.id))))!;

/**
 * Marks the links that became conflicts, and returns those this transaction marked: a write in the other
 * team that judged the same link at the same moment waits for this one's row lock, then finds it marked.
 */
async function markAppeared(tx: Tx, links: readonly CrossLink[]) {
  if (links.length === 0) return [];
  const marked = await tx
    .update(storyLinks)
    .set({ conflictSince: new Date() })
    .where(and(storedAt(links), isNull(storyLinks.conflictSince)))
    .returning({ id: storyLinks.id });
  const ids = new Set(marked.map((m) => m.id));
  return links.filter((l) => ids.has(l.id));
}

async function clearResolved(tx: Tx, links: readonly CrossLink[]) {
  if (links.length === 0) return;
  await tx
    .update(storyLinks)
    .set({ conflictSince: null })
    .where(and(storedAt(links), isNotNull(storyLinks.conflictSince)));
}

/** Keys and titles of the stories of these links (each looked up in its own team). */
async function storiesOf(tx: Tx, links: readonly CrossLink[]) {
  const rows = await tx
    .select({ id: stories.id, number: stories.number, title: stories.title, key: projects.key })
    .from(stories)
    .innerJoin(projects, eq(projects.id, stories.projectId))
    .where(
      or(
        ...links.flatMap((l) => [
          and(eq(stories.projectId, l.projectId), eq(stories.id, l.blocker)),
          and(eq(stories.projectId, l.toProjectId), eq(stories.id, l.blocked)),
        ]),
      ),
    );
  return new Map(rows.map((r) => [r.id, { id: r.id, key: formatStoryKey(r.key, r.number), title: r.title }]));
}

/** Who hears of the product's conflicts: each team's POs and PMs, and the product's PMs. */
async function audience(tx: Tx, productId: string, teamIds: string[]) {
  const team = await tx
    .select({ userId: members.userId, projectId: members.projectId, roles: members.roles })
    .from(members)
    .where(inArray(members.projectId, teamIds));
  const product = await tx
    .select({ userId: productMembers.userId })
    .from(productMembers)
    .where(
      and(eq(productMembers.productId, productId), sql`'product_manager' = any(${productMembers.roles})`),
    );
  const holding = (projectId: string, role: string) =>
    team.filter((m) => m.projectId === projectId && m.roles.includes(role)).map((m) => m.userId);
  return {
    owners: (projectId: string) => holding(projectId, 'product_owner'),
    managers: (projectId: string) => holding(projectId, 'product_manager'),
    productManagers: product.map((p) => p.userId),
  };
}

async function tell(
  tx: Tx,
  actor: Actor,
  productId: string,
  teams: readonly TeamProject[],
  appeared: readonly CrossLink[],
  conflictOf: (link: CrossLink) => { finishes: string | null; lands: string | null } | undefined,
) {
  const keyOf = new Map(teams.map((t) => [t.id, t.key]));
  const found = await storiesOf(tx, appeared);
  const people = await audience(tx, productId, [
    ...new Set(appeared.flatMap((l) => [l.projectId, l.toProjectId])),
  ]);
  const team = (projectId: string) => ({
    key: keyOf.get(projectId) ?? '',
    owners: people.owners(projectId),
    managers: people.managers(projectId),
  });
  const byProject = new Map<string, ConflictNotice[]>();
  for (const link of appeared) {
    const blocker = found.get(link.blocker);
    const blocked = found.get(link.blocked);
    const dates = conflictOf(link);
    if (!blocker || !blocked || !dates) continue;
    const notices = conflictNotices(
      {
        blocker,
        blocked,
        blockerTeam: team(link.projectId),
        blockedTeam: team(link.toProjectId),
        finishes: dates.finishes,
        lands: dates.lands,
      },
      { actor, productManagers: people.productManagers },
    );
    for (const notice of notices) {
      const projectId = notice.side === 'blocker' ? link.projectId : link.toProjectId;
      byProject.set(projectId, [...(byProject.get(projectId) ?? []), notice]);
    }
  }
  for (const [projectId, notices] of byProject)
    await writeNotifications(
      tx,
      projectId,
      actor,
      notices.map((n) => ({
        userId: n.userId,
        type: 'dependency_conflict',
        storyId: n.storyId,
        text: n.text,
      })),
    );
}

/**
 * After a project write's events are written (in its transaction, through its handle): the cross-team
 * `blocks` links of the stories it moved in their team's queue (or linked) are judged again, and each
 * that became a dependency conflict is told to both teams' POs and the product's PMs, once. Costs nothing
 * for a write that moves no story, and one indexed query for a story that may have links unless its
 * writer said whether it has any (the rank move reads that with the story, in the same round trip).
 */
export async function noticeConflicts(
  tx: Tx,
  db: Db,
  project: { id: string },
  actor: Actor,
  events: readonly JudgedEvent[],
) {
  const judged = storiesToJudge(events);
  const ids = [...judged].flatMap(([id, linked]) => (linked === false ? [] : [id]));
  if (ids.length === 0) return;
  const links = await crossTeamLinks(tx, project.id, ids);
  if (links.length === 0) return;
  const [owner] = await tx
    .select({ productId: projects.productId })
    .from(projects)
    .where(eq(projects.id, project.id));
  if (!owner) return;
  const teams = await teamsOfProduct(tx, owner.productId);
  const conflicts = await productConflicts(tx, teams, (days.get(db) ?? todayUtc)());
  const conflictOf = (link: CrossLink) => conflicts.get(`${link.blocker}>${link.blocked}`);
  const { appeared, resolved } = conflictChanges(links, (link) => conflictOf(link) !== undefined);
  await clearResolved(tx, resolved);
  const told = await markAppeared(tx, appeared);
  if (told.length > 0) await tell(tx, actor, owner.productId, teams, told, conflictOf);
}
