import { and, eq, sql } from 'drizzle-orm';
import { members, type Db, type Tx } from '@ordo/db';
import { checkMembershipChange, conflict, invalid, notFound, type Role } from '@ordo/domain';
import { findUserByEmail } from '../auth/queries';
import { audit } from '../../lib/audit';
import type { ProjectScope } from '../../lib/scope';
import { writeInProject } from '../events/log';
import { findMember, toMember } from './queries';

async function adminCount(tx: Tx, projectId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .where(and(eq(members.projectId, projectId), sql`'admin' = any(${members.roles})`));
  return row?.n ?? 0;
}

async function loadMember(tx: Tx, projectId: string, userId: string) {
  const member = await findMember(tx, projectId, userId);
  if (!member) throw notFound('Member');
  return member;
}

export async function addMember(db: Db, scope: ProjectScope, input: { email: string; roles: Role[] }) {
  const user = await findUserByEmail(db, input.email);
  if (!user) throw invalid('email', 'no Ordo account has this email; ask them to register first');
  return writeInProject(db, scope, async (tx, log) => {
    checkMembershipChange({ actorRoles: scope.roles, before: null, after: input.roles, adminCount: 0 });
    const [row] = await tx
      .insert(members)
      .values({ projectId: scope.project.id, userId: user.id, roles: input.roles })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`${user.name} is a member already`);
    const member = toMember(await loadMember(tx, scope.project.id, user.id));
    log.append('member.added', { member });
    await audit(tx, {
      kind: 'member_added',
      actorId: scope.actor.id,
      subject: user.id,
      data: { projectId: scope.project.id, roles: input.roles },
    });
    return member;
  });
}

export async function changeRoles(db: Db, scope: ProjectScope, userId: string, roles: Role[]) {
  return writeInProject(db, scope, async (tx, log) => {
    const before = await loadMember(tx, scope.project.id, userId);
    const admins = await adminCount(tx, scope.project.id);
    checkMembershipChange({
      actorRoles: scope.roles,
      before: before.roles as Role[],
      after: roles,
      adminCount: admins,
    });
    await tx
      .update(members)
      .set({ roles })
      .where(and(eq(members.projectId, scope.project.id), eq(members.userId, userId)));
    const member = toMember({ ...before, roles });
    log.append('member.updated', { member, from: before.roles as Role[] });
    await audit(tx, {
      kind: 'role_changed',
      actorId: scope.actor.id,
      subject: userId,
      data: { projectId: scope.project.id, from: before.roles, to: roles },
    });
    return member;
  });
}

export async function removeMember(db: Db, scope: ProjectScope, userId: string) {
  return writeInProject(db, scope, async (tx, log) => {
    const before = await loadMember(tx, scope.project.id, userId);
    const admins = await adminCount(tx, scope.project.id);
    checkMembershipChange({
      actorRoles: scope.roles,
      before: before.roles as Role[],
      after: null,
      adminCount: admins,
    });
    await tx.delete(members).where(and(eq(members.projectId, scope.project.id), eq(members.userId, userId)));
    log.append('member.removed', { member: toMember(before) });
    await audit(tx, {
      kind: 'member_removed',
      actorId: scope.actor.id,
      subject: userId,
      data: { projectId: scope.project.id, roles: before.roles },
    });
  });
}
