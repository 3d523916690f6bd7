import { conflict, DomainError } from './errors';
import type { Role } from './policy';

const holdsAdmin = (roles: readonly string[] | null) => roles?.includes('admin') ?? false;

/**
 * The rules of a membership change beyond the policy table (which already says who manages members):
 * only an admin grants or takes away the admin role, and a project (or a product: `of`) always keeps an
 * admin, so it can never be locked out of its own settings.
 */
export function checkMembershipChange(change: {
  actorRoles: readonly string[];
  before: readonly Role[] | null;
  after: readonly Role[] | null;
  adminCount: number;
  of?: 'project' | 'product';
}) {
  const touchesAdmin = holdsAdmin(change.before) !== holdsAdmin(change.after);
  if (touchesAdmin && !holdsAdmin(change.actorRoles)) {
    throw new DomainError('forbidden', 'Only an Admin can grant or remove the Admin role');
  }
  if (holdsAdmin(change.before) && !holdsAdmin(change.after) && change.adminCount <= 1) {
    throw conflict(`A ${change.of ?? 'project'} keeps at least one Admin: make someone else Admin first`);
  }
}
