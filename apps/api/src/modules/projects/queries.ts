import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { members, productMembers, products, projects, statuses, type Db } from '@ordo/db';
import { can, rolesInTeam, type Project, type Status } from '@ordo/domain';
import type { ProductRow, ProjectRow } from '../../types';
import { prepared } from '../../lib/prepared';

/** A project as the API shows it: the vision is its product's. */
export const toProject = (
  row: ProjectRow,
  product: Pick<ProductRow, 'key' | 'name' | 'vision'>,
): Project => ({
  id: row.id,
  key: row.key,
  name: row.name,
  description: row.description,
  vision: product.vision,
  product: { key: product.key, name: product.name },
  createdAt: row.createdAt.toISOString(),
});

export const toStatus = (row: typeof statuses.$inferSelect): Status => ({
  id: row.id,
  name: row.name,
  category: row.category,
  wipLimit: row.wipLimit,
});

/** The projects and products of a user: a team membership, a product one (held in every team), or both. */
function selectMemberships(db: Db) {
  const user = sql.placeholder('userId');
  return db
    .select({
      project: projects,
      product: products,
      teamRoles: members.roles,
      productRoles: productMembers.roles,
    })
    .from(projects)
    .innerJoin(products, eq(products.id, projects.productId))
    .leftJoin(members, and(eq(members.projectId, projects.id), eq(members.userId, user)))
    .leftJoin(
      productMembers,
      and(eq(productMembers.productId, products.id), eq(productMembers.userId, user)),
    );
}
const isMember = or(isNotNull(members.userId), isNotNull(productMembers.userId));

/**
 * The projects the user is in, found from their memberships (indexed by user) rather than by reading
 * every project: the list names the projects it reads.
 */
const ofMine = (db: Db) =>
  or(
    inArray(
      projects.id,
      db
        .select({ id: members.projectId })
        .from(members)
        .where(eq(members.userId, sql.placeholder('userId'))),
    ),
    inArray(
      projects.productId,
      db
        .select({ id: productMembers.productId })
        .from(productMembers)
        .where(eq(productMembers.userId, sql.placeholder('userId'))),
    ),
  );

// Both run on every request (project access, GET /api/me): prepared once (lib/prepared.ts).
const membershipByKey = prepared((db) =>
  selectMemberships(db)
    .where(and(eq(projects.key, sql.placeholder('key')), isMember))
    .prepare('ordo_membership_by_key'),
);
const myMemberships = prepared((db) =>
  selectMemberships(db)
    .where(and(ofMine(db), isMember))
    .orderBy(asc(projects.key))
    .prepare('ordo_my_memberships'),
);

/** The caller's project by key, with their roles in it from both levels; none when they are no member. */
export async function findMembership(db: Db, key: string, userId: string) {
  const [row] = await membershipByKey(db).execute({ key, userId });
  return row && { ...row, roles: rolesInTeam(row.teamRoles, row.productRoles) };
}

export async function listMyProjects(db: Db, userId: string) {
  const rows = await myMemberships(db).execute({ userId });
  return rows.map((r) => ({
    ...toProject(r.project, r.product),
    roles: rolesInTeam(r.teamRoles, r.productRoles),
  }));
}

/**
 * Of these (person, project) pairs, which the person may still read, as `findMembership` judges it (a role
 * in the team, or one on its product): two reads whatever the number of pairs (the live safety check).
 */
export async function readableProjects(
  db: Db,
  pairs: readonly { userId: string; projectId: string }[],
): Promise<(userId: string, projectId: string) => boolean> {
  if (pairs.length === 0) return () => false;
  const userIds = [...new Set(pairs.map((p) => p.userId))];
  const projectIds = [...new Set(pairs.map((p) => p.projectId))];
  const [team, product] = await Promise.all([
    db
      .select({ userId: members.userId, projectId: members.projectId, roles: members.roles })
      .from(members)
      .where(and(inArray(members.projectId, projectIds), inArray(members.userId, userIds))),
    db
      .select({ userId: productMembers.userId, projectId: projects.id, roles: productMembers.roles })
      .from(projects)
      .innerJoin(productMembers, eq(productMembers.productId, projects.productId))
      .where(and(inArray(projects.id, projectIds), inArray(productMembers.userId, userIds))),
  ]);
  const roles = new Map<string, { team: string[] | null; product: string[] | null }>();
  const entry = (userId: string, projectId: string) => {
    const key = `${userId} ${projectId}`;
    const found = roles.get(key) ?? { team: null, product: null };
    roles.set(key, found);
    return found;
  };
  for (const row of team) entry(row.userId, row.projectId).team = row.roles;
  for (const row of product) entry(row.userId, row.projectId).product = row.roles;
  return (userId, projectId) => {
    const held = roles.get(`${userId} ${projectId}`);
    return held !== undefined && can(rolesInTeam(held.team, held.product), 'project.read');
  };
}

/** The project's workflow in board order. */
export async function listStatuses(db: Db, projectId: string) {
  const rows = await db
    .select()
    .from(statuses)
    .where(eq(statuses.projectId, projectId))
    .orderBy(asc(statuses.position));
  return rows.map(toStatus);
}
