import { ROLES, ROLE_LABELS, type Role } from '@ordo/domain';
import { toggleRole } from './role-toggle';

interface Props<R extends Role> {
  /** Names the group for screen readers ("Roles of Dana"). */
  label: string;
  roles: readonly R[];
  disabled: boolean;
  reason: string;
  onChange: (roles: R[]) => void;
  /** The roles to offer: every role of a project by default, the product roles on a product. */
  choices?: readonly R[];
}

/** A member's roles as checkboxes; a member keeps at least one. */
export function RoleCheckboxes<R extends Role = Role>({
  label,
  roles,
  disabled,
  reason,
  onChange,
  choices = ROLES as readonly Role[] as readonly R[],
}: Props<R>) {
  const toggle = (role: R) => {
    const next = toggleRole(choices, roles, role);
    if (next) onChange(next);
  };
  return (
    <fieldset className="role-boxes plain" aria-label={label} title={disabled ? reason : undefined}>
      {choices.map((role) => {
        // A member keeps a role: the last one is not unticked but taken with the member (Remove).
        const isLast = roles.length === 1 && roles[0] === role;
        return (
          <label
            key={role}
            className="choice"
            title={
              isLast && !disabled ? 'A member keeps at least one role: Remove takes them out' : undefined
            }
          >
            <input
              type="checkbox"
              checked={roles.includes(role)}
              disabled={disabled || isLast}
              onChange={() => toggle(role)}
            />
            {ROLE_LABELS[role]}
          </label>
        );
      })}
    </fieldset>
  );
}
