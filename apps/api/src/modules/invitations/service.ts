import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { members, users, type Db, type Tx } from '@ordo/db';
import {
  checkMembershipChange,
  conflict,
  INVITATION_DAYS,
  invalid,
  isProductRole,
  notFound,
  type Role,
} from '@ordo/domain';
import type { App, SessionUser } from '../../types';
import { audit } from '../../lib/audit';
import { enforce } from '../../lib/rate-limit';
import { insertUser, login, openSession } from '../auth/service';
import { findUserByEmail, toUser } from '../auth/queries';
import { hashPassword, hashSecret, newSecret } from '../../lib/secrets';
import { actorOf, type Actor } from '../../lib/scope';
import { writeInProduct, writeInProject, type EventLog } from '../events/log';
import { enqueueMail } from '../mail';
import { findMember, toMember } from '../members/queries';
import { notifyInvited } from '../notifications/service';
import { findProductMember } from '../products/queries';
import { joinProduct } from '../products/service';
import { invitationMail } from './mail';
import {
  claim,
  deletePending,
  dropPendingOf,
  findOpenByTokenHash,
  insertInvitation,
  recordAcceptedBy,
  toInvitation,
  type InvitationKind,
  type InvitationTarget,
} from './queries';

/** How the answers name what an invitation leads into: `project` (the first wave's shape) or `product`. */
const namesOf = ({ kind, key, name }: InvitationTarget) =>
  kind === 'project' ? { project: { key, name } } : { product: { key, name } };

/** The web page that accepts an invitation: the link in the mail and the one shown to the inviter. */
const acceptPath = (token: string) => `/invitations/${token}`;

/**
 * How each kind of invitation changes its members: under the project's lock (its log records the new
 * member) or under the product's (a product's membership has no log), who is a member already, joining.
 */
const MEMBERSHIPS: Record<
  InvitationKind,
  {
    write<T>(
      db: Db,
      target: InvitationTarget,
      actor: Actor,
      work: (tx: Tx, log: EventLog) => Promise<T>,
    ): Promise<T>;
    isMember(tx: Tx, targetId: string, userId: string): Promise<boolean>;
    /** False when they are a member already. */
    join(tx: Tx, log: EventLog, targetId: string, userId: string, roles: Role[]): Promise<boolean>;
  }
> = {
  project: {
    write: (db, target, actor, work) => writeInProject(db, { project: target, actor }, work),
    isMember: async (tx, projectId, userId) => !!(await findMember(tx, projectId, userId)),
    join: async (tx, log, projectId, userId, roles) => {
      const [added] = await tx
        .insert(members)
        .values({ projectId, userId, roles })
        .onConflictDoNothing()
        .returning({ userId: members.userId });
      if (added) log.append('member.added', { member: toMember((await findMember(tx, projectId, userId))!) });
      return !!added;
    },
  },
  product: {
    write: (db, target, actor, work) =>
      writeInProduct(db, { productId: target.id, project: null, actor }, (tx, log) => work(tx, log)),
    isMember: async (tx, productId, userId) => !!(await findProductMember(tx, productId, userId)),
    join: (tx, _log, productId, userId, roles) =>
      joinProduct(tx, productId, userId, roles.filter(isProductRole)),
  },
};

/**
 * Invites `email` with `roles` to a project or a product: the invitation, its mail and (for someone with
 * an account, to a project) an inbox notice in one transaction. A pending invitation for the same email is
 * replaced, so re-inviting re-sends.
 */
export async function invite(
  app: App,
  target: InvitationTarget,
  by: { actor: Actor; roles: readonly Role[] },
  input: { email: string; roles: Role[] },
) {
  const db = app.database.db;
  const { actor } = by;
  await enforce(db, app.limits.invitations, actor.id, 'Too many invitations sent; try again later');
  const token = newSecret('');
  const acceptUrl = app.mail.link(acceptPath(token));
  const membership = MEMBERSHIPS[target.kind];
  return membership.write(db, target, actor, async (tx) => {
    checkMembershipChange({
      actorRoles: by.roles,
      before: null,
      after: input.roles,
      adminCount: 0,
      of: target.kind,
    });
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing && (await membership.isMember(tx, target.id, existing.id)))
      throw conflict(`${input.email} is a member of this ${target.kind} already`, { field: 'email' });
    await dropPendingOf(tx, target, input.email);
    const row = await insertInvitation(tx, target, {
      email: input.email,
      roles: input.roles,
      tokenHash: hashSecret(token),
      invitedBy: actor.id,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    await enqueueMail(
      tx,
      invitationMail(input.email, { inviter: actor.name, target, roles: input.roles, acceptUrl }),
    );
    // An inbox is per project: an invitation to a product comes by mail only.
    if (existing && target.kind === 'project')
      await notifyInvited(tx, { userId: existing.id, project: target, inviter: actor });
    return toInvitation(row, actor, acceptUrl);
  });
}

export async function revoke(app: App, kind: InvitationKind, targetId: string, id: string) {
  if (!(await deletePending(app.database.db, kind, targetId, id))) throw notFound('Invitation');
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
    ...namesOf(found.target),
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
  const { invitation, target } = found;
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
  const membership = MEMBERSHIPS[target.kind];
  const roles = toInvitation(invitation, found.inviter).roles;
  const user = await membership.write(db, target, actor, async (tx, log) => {
    // Claimed first: of two accepts racing, the second waits on this row and then finds it used (404).
    if (!(await claim(tx, target, invitation.id))) throw notFound('Invitation');
    const joining = account ?? toUser(await insertUser(tx, { ...newcomer!, email: invitation.email }));
    await recordAcceptedBy(tx, target, invitation.id, joining.id);
    if (!(await membership.join(tx, log, target.id, joining.id, roles)))
      throw conflict(`You are a member of ${target.name} already`);
    await audit(tx, {
      kind: 'member_added',
      actorId: joining.id,
      subject: target.key,
      address: caller.address,
      // A product's key may be its first team's too: a product invitation says so.
      data: { roles, invitedBy: found.inviter.id, ...(target.kind === 'product' ? { of: 'product' } : {}) },
    });
    return joining;
  });
  if (newcomer) {
    await audit(db, { kind: 'registered', actorId: user.id, address: caller.address });
    sessionToken = await openSession(db, user.id);
  }
  return { user, joined: namesOf(target), sessionToken };
}
