/**
 * The one role policy of Ordo. The API enforces it on every request and the web client uses it to decide
 * which controls are enabled. Nothing else in the code base compares role names.
 */
export const ROLES = [
  'admin',
  'product_owner',
  'product_manager',
  'scrum_master',
  'developer',
  'stakeholder',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles come at two levels. Product roles are held on a product and hold in every team (project) of it;
 * the others are team roles, held per project: a PO orders only their own team's backlog.
 */
export const PRODUCT_ROLES = ['admin', 'product_manager', 'stakeholder'] as const satisfies readonly Role[];
export type ProductRole = (typeof PRODUCT_ROLES)[number];

/** The roles of whoever creates a project: its first admin, who adds the team. */
export const PROJECT_CREATOR_ROLES: readonly Role[] = ['admin'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  product_owner: 'Product Owner',
  product_manager: 'Product Manager',
  scrum_master: 'Scrum Master',
  developer: 'Developer',
  stakeholder: 'Stakeholder',
};

const EVERY_MEMBER: readonly Role[] = ROLES;
const TEAM: readonly Role[] = ['product_owner', 'product_manager', 'scrum_master', 'developer'];

/** action → the roles that may do it, and what the action is in the users' words (for the 403 message). */
export const POLICY = {
  'project.read': { roles: EVERY_MEMBER, does: 'read this project' },
  'comment.create': { roles: EVERY_MEMBER, does: 'comment' },
  'feedback.submit': { roles: EVERY_MEMBER, does: 'submit feedback' },
  'story.create': { roles: TEAM, does: 'create stories' },
  'story.edit': { roles: TEAM, does: 'edit stories' },
  'backlog.rank': { roles: ['product_owner'], does: 'change backlog order' },
  'story.estimate': { roles: ['developer', 'scrum_master'], does: 'estimate story points' },
  'story.delete': { roles: ['product_owner'], does: 'delete or restore stories' },
  'story.accept': { roles: ['product_owner'], does: 'accept or reject stories' },
  'story.link_epic': { roles: ['product_owner', 'product_manager'], does: 'link stories to epics' },
  'story.transition': {
    roles: ['product_owner', 'scrum_master', 'developer'],
    does: 'move stories across the board',
  },
  'story.assign': { roles: ['product_owner', 'scrum_master', 'developer'], does: 'assign stories' },
  'retro.write': { roles: TEAM, does: 'write retrospective items' },
  'epic.manage': { roles: ['product_manager'], does: 'create, edit or schedule epics' },
  'roadmap.rank': { roles: ['product_manager'], does: 'change roadmap order' },
  'vision.edit': { roles: ['product_manager'], does: 'edit the product vision' },
  'feedback.triage': { roles: ['product_manager'], does: 'triage feedback' },
  'sprint.manage': {
    roles: ['product_owner', 'scrum_master'],
    does: 'create, plan, start or complete sprints',
  },
  'members.manage': { roles: ['product_owner'], does: 'manage members and their roles' },
  'members.invite': { roles: ['product_owner'], does: 'invite people or revoke invitations' },
  'project.settings': { roles: ['scrum_master'], does: 'edit project settings and workflow columns' },
  'project.import': { roles: ['product_owner'], does: 'import into this project' },
  'project.export': { roles: TEAM, does: 'export this project' },
  'product.read': { roles: EVERY_MEMBER, does: 'read this product' },
  'product.manage': { roles: [], does: "manage the product's members and teams" },
} as const satisfies Record<string, { roles: readonly Role[]; does: string }>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isProductRole(value: unknown): value is ProductRole {
  return typeof value === 'string' && (PRODUCT_ROLES as readonly string[]).includes(value);
}

/** Valid roles, each once, in the order held (team roles as stored first: a single-team member sees no change). */
const distinctRoles = (held: readonly string[]): Role[] => [...new Set(held)].filter(isRole);

/** The roles a member holds in one team: their team roles there, and their product roles (held in every team). */
export function rolesInTeam(
  teamRoles: readonly string[] | null,
  productRoles: readonly string[] | null,
): Role[] {
  return distinctRoles([...(teamRoles ?? []), ...(productRoles ?? []).filter(isProductRole)]);
}

/** What a team's admin holds on the product: every role but admin (see `rolesInProduct`). */
const TEAM_ADMIN_ON_PRODUCT: readonly Role[] = ROLES.filter((role) => role !== 'admin');

/**
 * The roles a member holds on the product itself: their product roles, and what they hold in any of its
 * teams, except that a team's `admin` is not the product's: moving teams and product members stay with
 * the product's admins. A team's admin holds every other role instead, so through the product's routes
 * they read it and do what they may through their team's routes (the product's epics, roadmap, vision).
 */
export function rolesInProduct(
  productRoles: readonly string[] | null,
  teamRoles: readonly (readonly string[])[],
): Role[] {
  // The product's admin may do everything already: their teams' admin adds nothing.
  const asTeamAdmin: readonly string[] = productRoles?.includes('admin') ? [] : TEAM_ADMIN_ON_PRODUCT;
  const fromTeams = teamRoles
    .flat()
    .flatMap((role): readonly string[] => (role === 'admin' ? asTeamAdmin : [role]));
  return distinctRoles([...(productRoles ?? []).filter(isProductRole), ...fromTeams]);
}

/** Whether a member holding `roles` may do `action`. Admin may do everything; unknown roles grant nothing. */
export function can(roles: readonly string[], action: Action): boolean {
  const allowed: readonly Role[] = POLICY[action].roles;
  return roles.some((role) => role === 'admin' || (isRole(role) && allowed.includes(role)));
}

/** "Only the Product Owner can change backlog order": what a member lacking the role is told. */
export function deniedMessage(action: Action): string {
  const { roles, does } = POLICY[action];
  // An action no role holds is the admin's alone.
  const names = roles.length > 0 ? roles.map((role) => ROLE_LABELS[role]) : [ROLE_LABELS.admin];
  const who = names.length > 2 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join(' or ');
  return `Only the ${who} can ${does}`;
}

/** A comment is changed or deleted by its author, or by an admin (to take down what should not be there). */
export function canChangeComment(
  roles: readonly string[],
  comment: { authorId: string | null },
  userId: string,
): boolean {
  return comment.authorId === userId || roles.includes('admin');
}
