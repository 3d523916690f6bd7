import { and, asc, eq } from 'drizzle-orm';
import { members, projects, statuses, type Db } from '@ordo/db';
import { isRole, type Project, type Status } from '@ordo/domain';
import type { ProjectRow } from '../../types';

export const toProject = (row: ProjectRow): Project => ({
  id: row.id,
  key: row.key,
  name: row.name,
  description: row.description,
  vision: row.vision,
  createdAt: row.createdAt.toISOString(),
});

export const toStatus = (row: typeof statuses.$inferSelect): Status => ({
  id: row.id,
  name: row.name,
  category: row.category,
  wipLimit: row.wipLimit,
});

export async function findMembership(db: Db, key: string, userId: string) {
  const [row] = await db
    .select({ project: projects, roles: members.roles })
    .from(projects)
    .innerJoin(members, and(eq(members.projectId, projects.id), eq(members.userId, userId)))
    .where(eq(projects.key, key));
  return row;
}

export async function listMyProjects(db: Db, userId: string) {
  const rows = await db
    .select({ project: projects, roles: members.roles })
    .from(members)
    .innerJoin(projects, eq(projects.id, members.projectId))
    .where(eq(members.userId, userId))
    .orderBy(asc(projects.key));
  return rows.map((r) => ({ ...toProject(r.project), roles: r.roles.filter(isRole) }));
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
