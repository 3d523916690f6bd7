import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { invitations, projects, users, type Db, type Tx } from '@ordo/db';
import { isRole, type Invitation } from '@ordo/domain';

type InvitationRow = typeof invitations.$inferSelect;

export const toInvitation = (
  row: InvitationRow,
  invitedBy: { id: string; name: string },
  acceptUrl?: string,
): Invitation => ({
  id: row.id,
  email: row.email,
  roles: row.roles.filter(isRole),
  expiresAt: row.expiresAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  invitedBy,
  ...(acceptUrl ? { acceptUrl } : {}),
});

const stillOpen = () => and(isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date()));

/** The project's invitations that still work, newest first. */
export async function listPending(db: Db, projectId: string) {
  const rows = await db
    .select({ invitation: invitations, inviter: { id: users.id, name: users.name } })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.projectId, projectId), stillOpen()))
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) => toInvitation(r.invitation, r.inviter));
}

/** The invitation behind a link, if it still works (not used, not expired), with its project and inviter. */
export async function findOpenByTokenHash(db: Db | Tx, tokenHash: string) {
  const [row] = await db
    .select({
      invitation: invitations,
      project: { id: projects.id, key: projects.key, name: projects.name },
      inviter: { id: users.id, name: users.name },
    })
    .from(invitations)
    .innerJoin(projects, eq(projects.id, invitations.projectId))
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.tokenHash, tokenHash), stillOpen()));
  return row;
}

/** Uses the invitation up: true for the one caller that got it while it still worked. */
export async function claim(tx: Tx, invitation: { id: string; projectId: string }) {
  const [row] = await tx
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(
      and(eq(invitations.projectId, invitation.projectId), eq(invitations.id, invitation.id), stillOpen()),
    )
    .returning({ id: invitations.id });
  return !!row;
}
