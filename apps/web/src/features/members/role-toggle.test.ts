import { describe, expect, it } from 'vitest';
import { PRODUCT_ROLES, ROLES } from '@ordo/domain';
import { toggleRole } from './role-toggle';

describe('toggleRole', () => {
  it('adds a role in the order of the choices', () => {
    expect(toggleRole(PRODUCT_ROLES, ['stakeholder'], 'admin')).toEqual(['admin', 'stakeholder']);
  });

  it('removes a role that is held', () => {
    expect(toggleRole(ROLES, ['admin', 'developer'], 'admin')).toEqual(['developer']);
  });

  it('refuses to take the last role away', () => {
    expect(toggleRole(PRODUCT_ROLES, ['product_manager'], 'product_manager')).toBeNull();
  });
});
