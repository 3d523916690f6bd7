import { eq } from 'drizzle-orm';
import { members, projects, statuses, type Db } from '@ordo/db';
import { conflict, DEFAULT_WORKFLOW } from '@ordo/domain';
import { logNewProject, writeInProject, type Actor } from '../events/log';
import { toProject } from './queries';

export async function createProject(
  db: Db,
  actor: Actor,
  input: { key: string; name: string; description?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projects)
      .values({ key: input.key, name: input.name, description: input.description ?? '' })
      .onConflictDoNothing({ target: projects.key })
      .returning();
    if (!row) throw conflict(`A project with key ${input.key} exists already`, { field: 'key' });
    await tx.insert(members).values({ projectId: row.id, userId: actor.id, roles: ['admin'] });
    await tx
      .insert(statuses)
      .values(DEFAULT_WORKFLOW.map((s, position) => ({ ...s, projectId: row.id, position })));
    const project = toProject(row);
    await logNewProject(tx, row.id, actor, (log) => log.append('project.created', { project }));
    return project;
  });
}

export async function updateProject(
  db: Db,
  scope: { projectId: string; actor: Actor },
  changes: { name?: string | undefined; description?: string | undefined; vision?: string | undefined },
) {
  return writeInProject(db, scope, async (tx, log) => {
    const [row] = await tx.update(projects).set(changes).where(eq(projects.id, scope.projectId)).returning();
    const project = toProject(row!);
    log.append(changes.vision === undefined ? 'project.updated' : 'project.vision_updated', { project });
    return project;
  });
}
