import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { invitations, productInvitations, products, projects, users, type Db, type Tx } from '@ordo/db';
import { isRole, type Invitation } from '@ordo/domain';

/**
 * What an invitation brings someone into: a team (`project`: its own invitations table, pinned by
 * `project_id`) or a whole product (`product`: pinned by `product_id`). Both tables have the same columns
 * but that key, so every query below serves both.
 */
export type InvitationKind = 'project' | 'product';
export interface InvitationTarget {
  kind: InvitationKind;
  id: string;
  key: string;
  name: string;
}

const TABLES = {
  project: { table: invitations, scope: invitations.projectId, target: projects },
  product: { table: productInvitations, scope: productInvitations.productId, target: products },
} as const;
/** Project invitations first: the first wave's links are looked up as before. */
export const INVITATION_KINDS = ['project', 'product'] as const satisfies readonly InvitationKind[];

const columnsOf = (kind: InvitationKind) => {
  const { table } = TABLES[kind];
  return {
    id: table.id,
    email: table.email,
    roles: table.roles,
    expiresAt: table.expiresAt,
    createdAt: table.createdAt,
  };
};
type InvitationRow = { id: string; email: string; roles: string[]; expiresAt: Date; createdAt: Date };

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

const stillOpen = (kind: InvitationKind) => {
  const { table } = TABLES[kind];
  return and(isNull(table.acceptedAt), gt(table.expiresAt, new Date()));
};
/** The invitation `id` of the project or product `targetId` (its shard key first). */
const byId = (kind: InvitationKind, targetId: string, id: string) =>
  and(eq(TABLES[kind].scope, targetId), eq(TABLES[kind].table.id, id));

/** The project's or product's invitations that still work, newest first. */
export async function listPending(db: Db, kind: InvitationKind, targetId: string) {
  const { table, scope } = TABLES[kind];
  const rows = await db
    .select({ invitation: columnsOf(kind), inviter: { id: users.id, name: users.name } })
    .from(table)
    .innerJoin(users, eq(users.id, table.invitedBy))
    .where(and(eq(scope, targetId), stillOpen(kind)))
    .orderBy(desc(table.createdAt));
  return rows.map((r) => toInvitation(r.invitation, r.inviter));
}

/**
 * The invitation behind a link, if it still works (not used, not expired), with what it leads into and
 * its inviter: a project's invitation, else a product's (the secret is all the link's reader knows).
 */
export async function findOpenByTokenHash(db: Db | Tx, tokenHash: string) {
  for (const kind of INVITATION_KINDS) {
    const { table, scope, target } = TABLES[kind];
    const [row] = await db
      .select({
        invitation: columnsOf(kind),
        target: { id: target.id, key: target.key, name: target.name },
        inviter: { id: users.id, name: users.name },
      })
      .from(table)
      .innerJoin(target, eq(target.id, scope))
      .innerJoin(users, eq(users.id, table.invitedBy))
      .where(and(eq(table.tokenHash, tokenHash), stillOpen(kind)));
    if (row) return { ...row, target: { kind, ...row.target } satisfies InvitationTarget };
  }
  return undefined;
}

/** A new invitation's row (the caller has checked who may send it). */
export async function insertInvitation(
  tx: Tx,
  target: InvitationTarget,
  values: { email: string; roles: string[]; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  const [row] =
    target.kind === 'project'
      ? await tx
          .insert(invitations)
          .values({ ...values, projectId: target.id })
          .returning(columnsOf('project'))
      : await tx
          .insert(productInvitations)
          .values({ ...values, productId: target.id })
          .returning(columnsOf('product'));
  return row!;
}

/** Drops the pending invitation of `email` (re-inviting replaces it). */
export async function dropPendingOf(tx: Tx, target: InvitationTarget, email: string) {
  const { table, scope } = TABLES[target.kind];
  await tx.delete(table).where(and(eq(scope, target.id), eq(table.email, email), isNull(table.acceptedAt)));
}

/** Revokes a pending invitation: true when there was one. */
export async function deletePending(db: Db, kind: InvitationKind, targetId: string, id: string) {
  const { table } = TABLES[kind];
  const [row] = await db
    .delete(table)
    .where(and(byId(kind, targetId, id), isNull(table.acceptedAt)))
    .returning({ id: table.id });
  return !!row;
}

/** Uses the invitation up: true for the one caller that got it while it still worked. */
export async function claim(tx: Tx, target: InvitationTarget, id: string) {
  const { table } = TABLES[target.kind];
  const [row] = await tx
    .update(table)
    .set({ acceptedAt: new Date() })
    .where(and(byId(target.kind, target.id, id), stillOpen(target.kind)))
    .returning({ id: table.id });
  return !!row;
}

/** Records who accepted it (once their account exists, for a newcomer). */
export async function recordAcceptedBy(tx: Tx, target: InvitationTarget, id: string, userId: string) {
  await tx
    .update(TABLES[target.kind].table)
    .set({ acceptedBy: userId })
    .where(byId(target.kind, target.id, id));
}
