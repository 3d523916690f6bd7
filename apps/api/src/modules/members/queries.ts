import { and, asc, eq } from 'drizzle-orm';
import { members, users, type Db, type Tx } from '@ordo/db';
import { isRole } from '@ordo/domain';

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  handle: users.handle,
  roles: members.roles,
  joinedAt: members.joinedAt,
};
type MemberRow = { id: string; email: string; name: string; handle: string; roles: string[]; joinedAt: Date };

export const toMember = (row: MemberRow) => ({
  user: { id: row.id, email: row.email, name: row.name, handle: row.handle },
  roles: row.roles.filter(isRole),
  joinedAt: row.joinedAt.toISOString(),
});

export async function listMembers(db: Db | Tx, projectId: string) {
  const rows = await db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.projectId, projectId))
    .orderBy(asc(users.name));
  return rows.map(toMember);
}

export async function findMember(db: Db | Tx, projectId: string, userId: string) {
  const [row] = await db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.projectId, projectId), eq(members.userId, userId)));
  return row;
}
