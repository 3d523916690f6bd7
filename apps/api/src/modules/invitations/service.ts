import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { invitations, members, users } from '@ordo/db';
import { checkMembershipChange, conflict, INVITATION_DAYS, invalid, notFound, type Role } from '@ordo/domain';
import type { App, SessionUser } from '../../types';
import { audit } from '../../lib/audit';
import { enforce } from '../../lib/rate-limit';
import { insertUser, login, openSession } from '../auth/service';
import { findUserByEmail, toUser } from '../auth/queries';
import { hashPassword, hashSecret, newSecret } from '../../lib/secrets';
import { actorOf, type ProjectScope } from '../../lib/scope';
import { writeInProject } from '../events/log';
import { enqueueMail } from '../mail';
import { findMember, toMember } from '../members/queries';
import { notifyInvited } from '../notifications/service';
import { invitationMail } from './mail';
import { claim, findOpenByTokenHash, toInvitation } from './queries';

/** The web page that accepts an invitation: the link in the mail and the one shown to the inviter. */
const acceptPath = (token: string) => `/invitations/${token}`;

/**
 * Invites `email` with `roles`: the invitation, its mail and (for someone with an account) an inbox notice
 * in one transaction. A pending invitation for the same email is replaced, so re-inviting re-sends.
 */
export async function invite(app: App, scope: ProjectScope, input: { email: string; roles: Role[] }) {
  const db = app.database.db;
  await enforce(db, app.limits.invitations, scope.actor.id, 'Too many invitations sent; try again later');
  const token = newSecret('');
  const acceptUrl = app.mail.link(acceptPath(token));
  return writeInProject(db, scope, async (tx) => {
    checkMembershipChange({ actorRoles: scope.roles, before: null, after: input.roles, adminCount: 0 });
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing && (await findMember(tx, scope.project.id, existing.id))) {
      throw conflict(`${input.email} is a member of this project already`, { field: 'email' });
    }
    await tx
      .delete(invitations)
      .where(
        and(
          eq(invitations.projectId, scope.project.id),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
        ),
      );
    const [row] = await tx
      .insert(invitations)
      .values({
        projectId: scope.project.id,
        email: input.email,
        roles: input.roles,
        tokenHash: hashSecret(token),
        invitedBy: scope.actor.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    await enqueueMail(
      tx,
      invitationMail(input.email, {
        inviter: scope.actor.name,
        project: scope.project.name,
        roles: input.roles,
        acceptUrl,
      }),
    );
    if (existing)
      await notifyInvited(tx, { userId: existing.id, project: scope.project, inviter: scope.actor });
    return toInvitation(row!, scope.actor, acceptUrl);
  });
}

export async function revoke(app: App, projectId: string, id: string) {
  const [row] = await app.database.db
    .delete(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.projectId, projectId), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (!row) throw notFound('Invitation');
}

/** What the link shows before accepting; 404 alike for unknown, used and expired links. */
export async function describe(app: App, token: string) {
  const db = app.database.db;
  const found = await findOpenByTokenHash(db, hashSecret(token));
  if (!found) throw notFound('Invitation');
  const account = await findUserByEmail(db, found.invitation.email);
  return {
    email: found.invitation.email,
    roles: toInvitation(found.invitation, found.inviter).roles,
    project: { key: found.project.key, name: found.project.name },
    inviter: { name: found.inviter.name },
    hasAccount: !!account,
  };
}

/**
 * Accepts once: as the signed-in caller, else as the account with the invited email (its password, counted
 * like a sign-in), else as a new account (name and password). The membership, the use of the invitation
 * and, for a newcomer, the account are one transaction; two accepts racing get one membership and a 404.
 */
export async function accept(
  app: App,
  token: string,
  input: { name?: string | undefined; password?: string | undefined },
  caller: { user: SessionUser | null; address: string },
) {
  const db = app.database.db;
  const found = await findOpenByTokenHash(db, hashSecret(token));
  if (!found) throw notFound('Invitation');
  const { invitation } = found;
  let account = caller.user ? toUser(caller.user) : undefined;
  let sessionToken: string | undefined;
  let newcomer: { id: string; name: string; passwordHash: string } | undefined;
  if (!account) {
    if (await findUserByEmail(db, invitation.email)) {
      if (!input.password)
        throw invalid('password', 'an account with this email exists: enter its password, or sign in first');
      ({ user: account, token: sessionToken } = await login(
        db,
        { limits: app.limits, adminEmail: app.adminEmail },
        { email: invitation.email, password: input.password },
        caller.address,
      ));
    } else {
      if (!input.name) throw invalid('name', 'needed to create your account');
      if (!input.password) throw invalid('password', 'needed to create your account');
      newcomer = { id: randomUUID(), name: input.name, passwordHash: await hashPassword(input.password) };
    }
  }
  const actor = actorOf(account ?? newcomer!);
  const user = await writeInProject(db, { project: { id: invitation.projectId }, actor }, async (tx, log) => {
    // Claimed first: of two accepts racing, the second waits on this row and then finds it used (404).
    if (!(await claim(tx, invitation))) throw notFound('Invitation');
    const joining = account ?? toUser(await insertUser(tx, { ...newcomer!, email: invitation.email }));
    await tx
      .update(invitations)
      .set({ acceptedBy: joining.id })
      .where(and(eq(invitations.projectId, invitation.projectId), eq(invitations.id, invitation.id)));
    const [added] = await tx
      .insert(members)
      .values({ projectId: invitation.projectId, userId: joining.id, roles: invitation.roles })
      .onConflictDoNothing()
      .returning();
    if (!added) throw conflict(`You are a member of ${found.project.name} already`);
    log.append('member.added', {
      member: toMember((await findMember(tx, invitation.projectId, joining.id))!),
    });
    await audit(tx, {
      kind: 'member_added',
      actorId: joining.id,
      subject: found.project.key,
      address: caller.address,
      data: { roles: invitation.roles, invitedBy: found.inviter.id },
    });
    return joining;
  });
  if (newcomer) {
    await audit(db, { kind: 'registered', actorId: user.id, address: caller.address });
    sessionToken = await openSession(db, user.id);
  }
  return { user, project: { key: found.project.key, name: found.project.name }, sessionToken };
}
