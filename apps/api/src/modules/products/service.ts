import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { epics, feedback, productMembers, products, projects, stories, type Db, type Tx } from '@ordo/db';
import {
  can,
  checkMembershipChange,
  isProductRole,
  conflict,
  invalid,
  notFound,
  ranksBetween,
  type ProductRole,
} from '@ordo/domain';
import { audit } from '../../lib/audit';
import { announceAccessChanged } from '../../lib/channels';
import { lastRank } from '../../lib/ranked-rows';
import { findUserByEmail } from '../auth/queries';
import type { Actor, ProductScope, ProductWriteScope } from '../../lib/scope';
import { writeInProduct, writeInProject } from '../events/log';
import { findMembership, toProject } from '../projects/queries';
import { writeStories } from '../stories/service';
import { findProductMember, listTeams, toProduct, toProductMember } from './queries';

/** Product writes lock the product row: its members and teams change one writer at a time. */
async function lockProduct(tx: Tx, productId: string) {
  const [row] = await tx.select().from(products).where(eq(products.id, productId)).for('update');
  if (!row) throw notFound('Product');
  return row;
}

export async function createProduct(db: Db, actor: Actor, input: { key: string; name: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(products)
      .values(input)
      .onConflictDoNothing({ target: products.key })
      .returning();
    if (!row) throw conflict(`A product with key ${input.key} exists already`, { field: 'key' });
    await tx.insert(productMembers).values({ productId: row.id, userId: actor.id, roles: ['admin'] });
    await audit(tx, { kind: 'product_created', actorId: actor.id, subject: row.key });
    return toProduct(row);
  });
}

/**
 * Moves a project into this product, with its history (its event log, stories and sprints stay its own).
 * The caller must be admin of the project's current product too. Epics only its stories use, and the
 * feedback on them, move along (to the end of this roadmap); an epic other teams still use stays, and this
 * team's stories leave it, each with its own event.
 */
export async function addTeam(db: Db, scope: ProductScope, projectKey: string) {
  const membership = await findMembership(db, projectKey, scope.actor.id);
  if (!membership) throw invalid('project', 'is not a project you are a member of');
  const from = membership.product.id;
  const onSource = await findProductMember(db, from, scope.actor.id);
  if (!can(onSource?.roles.filter(isProductRole) ?? [], 'product.manage'))
    throw invalid('project', "you must be admin of the project's product to move it");
  if (from === scope.productId) throw invalid('project', 'is a team of this product already');
  await writeInProject(db, { project: membership.project, actor: scope.actor }, async (tx, log) => {
    await lockProduct(tx, scope.productId);
    await lockProduct(tx, from);
    const projectId = membership.project.id;
    const used = await tx
      .selectDistinct({ epicId: stories.epicId, shared: sql<boolean>`${stories.projectId} <> ${projectId}` })
      .from(stories)
      .innerJoin(projects, eq(projects.id, stories.projectId))
      .where(and(eq(projects.productId, from), isNotNull(stories.epicId)));
    const shared = new Set(used.filter((u) => u.shared).map((u) => u.epicId!));
    const moving = [...new Set(used.filter((u) => !u.shared).map((u) => u.epicId!))].filter(
      (id) => !shared.has(id),
    );
    const otherTeams = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.productId, from), ne(projects.id, projectId)));
    // The only team of its product takes every epic and all the feedback with it.
    const epicIds =
      otherTeams.length === 0
        ? (await tx.select({ id: epics.id }).from(epics).where(eq(epics.productId, from))).map((e) => e.id)
        : moving;
    await moveEpics(tx, from, scope.productId, epicIds);
    // Whoever read the team through the old product only may not any more: judged again at commit.
    const readers = await tx
      .select({ userId: productMembers.userId })
      .from(productMembers)
      .where(eq(productMembers.productId, from));
    await announceAccessChanged(
      tx,
      readers.map((r) => r.userId),
    );
    await moveFeedback(tx, from, scope.productId, epicIds, projectId, otherTeams.length === 0);
    // Through the story writer: each story that leaves an epic gets a new version and its event.
    for (const epicId of otherTeams.length === 0 ? [] : shared)
      await writeStories(tx, log, membership.project, {
        which: eq(stories.epicId, epicId),
        changes: { epicId: null },
        type: 'story.updated',
        extra: () => ({ from: { epicId } }),
      });
    const [moved] = await tx
      .update(projects)
      .set({ productId: scope.productId })
      .where(eq(projects.id, projectId))
      .returning();
    const [product] = await tx.select().from(products).where(eq(products.id, scope.productId));
    log.append('project.updated', { project: toProject(moved!, product!) });
    await audit(tx, {
      kind: 'team_moved',
      actorId: scope.actor.id,
      subject: projectKey,
      data: { from, to: scope.productId, epics: epicIds.length },
    });
  });
  return listTeams(db, scope.productId);
}

async function moveEpics(tx: Tx, from: string, to: string, epicIds: string[]) {
  if (epicIds.length === 0) return;
  const rows = await tx
    .select({ id: epics.id })
    .from(epics)
    .where(and(eq(epics.productId, from), inArray(epics.id, epicIds)))
    .orderBy(epics.rank);
  const ranks = ranksBetween(await lastRank(tx, epics, to), null, rows.length);
  for (const [i, row] of rows.entries()) {
    await tx
      .update(epics)
      .set({ productId: to, rank: ranks[i]! })
      .where(and(eq(epics.productId, from), eq(epics.id, row.id)));
  }
}

async function moveFeedback(
  tx: Tx,
  from: string,
  to: string,
  epicIds: string[],
  projectId: string,
  all: boolean,
) {
  const ofTeam = sql`${feedback.storyId} in (select id from ${stories} where ${stories.projectId} = ${projectId})`;
  const which = all
    ? undefined
    : epicIds.length > 0
      ? sql`(${inArray(feedback.epicId, epicIds)} or ${ofTeam})`
      : ofTeam;
  await tx
    .update(feedback)
    .set({ productId: to })
    .where(and(eq(feedback.productId, from), which));
}

async function adminCount(tx: Tx, productId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(productMembers)
    .where(and(eq(productMembers.productId, productId), sql`'admin' = any(${productMembers.roles})`));
  return row?.n ?? 0;
}

export async function addProductMember(
  db: Db,
  scope: ProductScope,
  input: { email: string; roles: ProductRole[] },
) {
  const user = await findUserByEmail(db, input.email);
  if (!user) throw invalid('email', 'no Ordo account has this email; ask them to register first');
  return db.transaction(async (tx) => {
    await lockProduct(tx, scope.productId);
    if (!(await joinProduct(tx, scope.productId, user.id, input.roles)))
      throw conflict(`${user.name} is a member of this product already`);
    await audit(tx, {
      kind: 'member_added',
      actorId: scope.actor.id,
      subject: user.id,
      data: { productId: scope.productId, roles: input.roles },
    });
    return toProductMember((await findProductMember(tx, scope.productId, user.id))!);
  });
}

/**
 * Makes `userId` a member of the product with `roles`, in the caller's transaction (which holds the
 * product's lock): false when they are one already. Adding a member and accepting an invitation both do.
 */
export async function joinProduct(tx: Tx, productId: string, userId: string, roles: ProductRole[]) {
  const [row] = await tx
    .insert(productMembers)
    .values({ productId, userId, roles })
    .onConflictDoNothing()
    .returning({ userId: productMembers.userId });
  return !!row;
}

/** `roles` null removes the member. A product keeps at least one admin. */
export async function changeProductRoles(
  db: Db,
  scope: ProductScope,
  userId: string,
  roles: ProductRole[] | null,
) {
  return db.transaction(async (tx) => {
    await lockProduct(tx, scope.productId);
    const before = await findProductMember(tx, scope.productId, userId);
    if (!before) throw notFound('Member');
    checkMembershipChange({
      actorRoles: scope.roles,
      before: before.roles as ProductRole[],
      after: roles,
      adminCount: await adminCount(tx, scope.productId),
      of: 'product',
    });
    const where = and(eq(productMembers.productId, scope.productId), eq(productMembers.userId, userId));
    if (roles) await tx.update(productMembers).set({ roles }).where(where);
    else await tx.delete(productMembers).where(where);
    await audit(tx, {
      kind: roles ? 'role_changed' : 'member_removed',
      actorId: scope.actor.id,
      subject: userId,
      data: { productId: scope.productId, from: before.roles, to: roles },
    });
    // Sent at commit: their open subscriptions to the product's teams are judged again.
    await announceAccessChanged(tx, [userId]);
    return toProductMember({ ...before, roles: roles ?? [] });
  });
}

/**
 * The product's vision, shared by its teams: `project.vision_updated` (with the team as it now reads) goes
 * to the log of the team the write comes through. Returns the product, and that team (none for a product
 * without teams).
 */
export async function updateVision(db: Db, scope: ProductWriteScope, vision: string) {
  return writeInProduct(db, scope, async (tx, log) => {
    const [product] = await tx
      .update(products)
      .set({ vision })
      .where(eq(products.id, scope.productId))
      .returning();
    if (scope.project === null) return { product: toProduct(product!), project: null };
    const [row] = await tx.select().from(projects).where(eq(projects.id, scope.project.id));
    const project = toProject(row!, product!);
    log.append('project.vision_updated', { project });
    return { product: toProduct(product!), project };
  });
}
