import { createContext, useContext, type ReactNode } from 'react';
import { can, deniedMessage, type Action, type Role } from '@ordo/domain';

/** The current member's roles in the open project; every enabled/disabled control reads them from here. */
const RolesContext = createContext<readonly Role[]>([]);

export function ProjectRolesProvider({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  return <RolesContext.Provider value={roles}>{children}</RolesContext.Provider>;
}

export const useRoles = () => useContext(RolesContext);

export interface Permission {
  allowed: boolean;
  /** Why not, naming the role that may ("Only the Product Owner can change backlog order"); '' when allowed. */
  reason: string;
}

export function permission(roles: readonly string[], action: Action): Permission {
  const allowed = can(roles, action);
  return { allowed, reason: allowed ? '' : deniedMessage(action) };
}

export function useCan(action: Action): Permission {
  return permission(useRoles(), action);
}
