import { describe, expect, it } from 'vitest';
import { checkMembershipChange } from './members';

const po = ['product_owner'];
describe('checkMembershipChange', () => {
  it('lets a PO add and change members without the admin role', () => {
    expect(() =>
      checkMembershipChange({ actorRoles: po, before: null, after: ['developer'], adminCount: 1 }),
    ).not.toThrow();
    expect(() =>
      checkMembershipChange({
        actorRoles: po,
        before: ['developer'],
        after: ['scrum_master'],
        adminCount: 1,
      }),
    ).not.toThrow();
  });

  it('refuses a PO who grants or removes admin', () => {
    expect(() =>
      checkMembershipChange({ actorRoles: po, before: null, after: ['admin'], adminCount: 1 }),
    ).toThrow(/Only an Admin/);
    expect(() =>
      checkMembershipChange({ actorRoles: po, before: ['admin'], after: null, adminCount: 2 }),
    ).toThrow(/Only an Admin/);
  });

  it('keeps the last admin', () => {
    const change = { actorRoles: ['admin'], before: ['admin'] as const, adminCount: 1 };
    expect(() => checkMembershipChange({ ...change, after: null })).toThrow(/at least one Admin/);
    expect(() => checkMembershipChange({ ...change, after: ['developer'] })).toThrow(/at least one Admin/);
    expect(() => checkMembershipChange({ ...change, after: null, adminCount: 2 })).not.toThrow();
    expect(() => checkMembershipChange({ ...change, after: null, of: 'product' })).toThrow(
      'A product keeps at least one Admin',
    );
  });
});
