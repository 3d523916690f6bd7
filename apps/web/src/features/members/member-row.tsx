import type { Role } from '@ordo/domain';
import { ActionButton } from '../../shared/ui/action-button';
import { Avatar } from '../../shared/ui/avatar';
import type { Permission } from '../projects/access';
import { RoleCheckboxes } from './role-checkboxes';

interface Props<R extends Role> {
  user: { id: string; name: string; email: string };
  roles: readonly R[];
  /** The roles offered (every role by default) and what the role group is called ("Roles of"). */
  choices?: readonly R[];
  rolesLabel?: string;
  managing: Permission;
  /** While a change is being saved, the boxes wait for it. */
  busy?: boolean;
  onRoles: (roles: R[]) => void;
  onRemove: () => void;
}

/** One member: who, their roles as checkboxes, and Remove, each guarded by the policy. */
export function MemberRow<R extends Role>({
  user,
  roles,
  choices,
  rolesLabel = 'Roles of',
  managing,
  busy = false,
  onRoles,
  onRemove,
}: Props<R>) {
  return (
    <li className="card member" data-member={user.email}>
      <Avatar name={user.name} id={user.id} />
      <div className="member-name">
        <strong>{user.name}</strong>
        <div className="muted">{user.email}</div>
      </div>
      <RoleCheckboxes
        label={`${rolesLabel} ${user.name}`}
        choices={choices}
        roles={roles}
        disabled={!managing.allowed || busy}
        reason={managing.reason}
        onChange={onRoles}
      />
      <ActionButton
        variant="ghost"
        className="btn-danger"
        allowed={managing.allowed}
        reason={managing.reason}
        onClick={onRemove}
      >
        Remove
      </ActionButton>
    </li>
  );
}
