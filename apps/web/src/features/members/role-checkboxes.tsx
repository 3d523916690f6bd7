import { ROLES, ROLE_LABELS, type Role } from '@ordo/domain';

interface Props {
  /** Names the group for screen readers ("Roles of Dana"). */
  label: string;
  roles: readonly Role[];
  disabled: boolean;
  reason: string;
  onChange: (roles: Role[]) => void;
}

/** A member's roles as checkboxes; a member keeps at least one. */
export function RoleCheckboxes({ label, roles, disabled, reason, onChange }: Props) {
  const toggle = (role: Role) => {
    const next = roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role];
    if (next.length > 0) onChange(ROLES.filter((r) => next.includes(r)));
  };
  return (
    <fieldset className="role-boxes plain" aria-label={label} title={disabled ? reason : undefined}>
      {ROLES.map((role) => (
        <label key={role} className="choice">
          <input
            type="checkbox"
            checked={roles.includes(role)}
            disabled={disabled}
            onChange={() => toggle(role)}
          />
          {ROLE_LABELS[role]}
        </label>
      ))}
    </fieldset>
  );
}
