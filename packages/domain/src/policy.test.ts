import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  can,
  canChangeComment,
  deniedMessage,
  POLICY,
  PRODUCT_ROLES,
  ROLE_LABELS,
  ROLES,
  rolesInProduct,
  rolesInTeam,
  type Action,
  type Role,
} from './policy';

/**
 * The brief's policy table, written out again by hand: the code's table must match it role by role.
 * (admin may do everything and is checked separately.)
 */
const BRIEF: Record<Action, Role[]> = {
  'project.read': ['product_owner', 'product_manager', 'scrum_master', 'developer', 'stakeholder'],
  'comment.create': ['product_owner', 'product_manager', 'scrum_master', 'developer', 'stakeholder'],
  'feedback.submit': ['product_owner', 'product_manager', 'scrum_master', 'developer', 'stakeholder'],
  'story.create': ['product_owner', 'product_manager', 'scrum_master', 'developer'],
  'story.edit': ['product_owner', 'product_manager', 'scrum_master', 'developer'],
  'backlog.rank': ['product_owner'],
  'story.estimate': ['developer', 'scrum_master'],
  'story.delete': ['product_owner'],
  'story.accept': ['product_owner'],
  'story.link_epic': ['product_owner', 'product_manager'],
  'story.transition': ['product_owner', 'scrum_master', 'developer'],
  'story.assign': ['product_owner', 'scrum_master', 'developer'],
  'retro.write': ['product_owner', 'product_manager', 'scrum_master', 'developer'],
  'epic.manage': ['product_manager'],
  'roadmap.rank': ['product_manager'],
  'vision.edit': ['product_manager'],
  'feedback.triage': ['product_manager'],
  'sprint.manage': ['product_owner', 'scrum_master'],
  'members.manage': ['product_owner'],
  'members.invite': ['product_owner'],
  'project.settings': ['scrum_master'],
  'project.import': ['product_owner'],
  'project.export': ['product_owner', 'product_manager', 'scrum_master', 'developer'],
  'product.read': ['product_owner', 'product_manager', 'scrum_master', 'developer', 'stakeholder'],
  'product.manage': [],
};

describe('the policy table', () => {
  it('covers exactly the actions of the brief', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(BRIEF).sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const expected = role === 'admin' || BRIEF[action].includes(role);
      it(`${expected ? 'lets' : 'refuses'} ${role} ${action}`, () => {
        expect(can([role], action)).toBe(expected);
      });
    }
  }

  it('gives a member holding several roles the union of their rights', () => {
    expect(can(['developer', 'product_manager'], 'story.estimate')).toBe(true);
    expect(can(['developer', 'product_manager'], 'epic.manage')).toBe(true);
    expect(can(['developer', 'product_manager'], 'backlog.rank')).toBe(false);
  });

  it('grants nothing to unknown roles, empty role sets or look-alike names', () => {
    for (const action of ACTIONS) {
      expect(can([], action)).toBe(false);
      expect(
        can(['owner', 'Admin', 'ADMIN', ' admin', 'product-owner', '__proto__', 'constructor'], action),
      ).toBe(false);
    }
  });
});

describe('deniedMessage', () => {
  it('names the role that may', () => {
    expect(deniedMessage('backlog.rank')).toBe('Only the Product Owner can change backlog order');
    expect(deniedMessage('sprint.manage')).toBe(
      'Only the Product Owner or Scrum Master can create, plan, start or complete sprints',
    );
    expect(deniedMessage('story.create')).toBe(
      'Only the Product Owner, Product Manager, Scrum Master or Developer can create stories',
    );
  });

  it('has a message for every action, naming each of its roles (the Admin when no other may)', () => {
    for (const action of ACTIONS) {
      expect(deniedMessage(action)).toMatch(/^Only the .+ can .+/);
      for (const role of POLICY[action].roles) expect(deniedMessage(action)).toContain(ROLE_LABELS[role]);
    }
    expect(deniedMessage('product.manage')).toBe("Only the Admin can manage the product's members and teams");
  });
});

describe('changing a comment', () => {
  it('is for its author, whatever their role, or an admin', () => {
    expect(canChangeComment(['stakeholder'], { authorId: 'me' }, 'me')).toBe(true);
    expect(canChangeComment(['product_owner', 'scrum_master'], { authorId: 'someone' }, 'me')).toBe(false);
    expect(canChangeComment(['admin'], { authorId: 'someone' }, 'me')).toBe(true);
    expect(canChangeComment(['developer'], { authorId: null }, 'me')).toBe(false);
  });
});

describe('roles at two levels', () => {
  it('lets product roles hold in every team, and team roles in their own team only', () => {
    expect(rolesInTeam(['developer'], ['product_manager'])).toEqual(['developer', 'product_manager']);
    expect(rolesInTeam(['scrum_master', 'admin'], ['admin'])).toEqual(['scrum_master', 'admin']);
    expect(rolesInTeam(null, ['stakeholder'])).toEqual(['stakeholder']);
    expect(rolesInTeam(['product_owner'], null)).toEqual(['product_owner']);
    // A product row holds only product roles: a team role slipped into it grants nothing.
    expect(rolesInTeam(null, ['product_owner', 'developer'])).toEqual([]);
  });

  it('keeps the split across teams: the PM orders the roadmap, never a backlog; a stakeholder changes nothing', () => {
    const pm = rolesInTeam(null, ['product_manager']);
    expect(can(pm, 'roadmap.rank') && can(pm, 'epic.manage') && can(pm, 'vision.edit')).toBe(true);
    expect(can(pm, 'backlog.rank')).toBe(false);
    const stakeholder = rolesInTeam(null, ['stakeholder']);
    expect(can(stakeholder, 'project.read') && can(stakeholder, 'product.read')).toBe(true);
    const changes = ACTIONS.filter(
      (a) => !['project.read', 'product.read', 'comment.create', 'feedback.submit'].includes(a),
    );
    for (const action of changes) expect(can(stakeholder, action)).toBe(false);
    expect(PRODUCT_ROLES).not.toContain('product_owner');
  });

  it("reads a team's roles onto the product, a team's admin as every role but admin", () => {
    expect(rolesInProduct(null, [['product_owner'], ['developer']])).toEqual(['product_owner', 'developer']);
    expect(rolesInProduct(null, [['admin']])).not.toContain('admin');
    expect(rolesInProduct(['admin'], [['admin'], ['developer']])).toEqual(['admin', 'developer']);
    for (const action of ACTIONS.filter((a) => a !== 'product.manage'))
      expect(can(rolesInProduct(null, [['admin']]), action)).toBe(true);
    expect(rolesInProduct(['admin'], [])).toEqual(['admin']);
    expect(can(rolesInProduct(null, [['admin', 'developer']]), 'product.manage')).toBe(false);
    expect(can(rolesInProduct(null, [['developer']]), 'product.read')).toBe(true);
  });
});
