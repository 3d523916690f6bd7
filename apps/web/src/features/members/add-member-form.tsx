import { useState, type FormEvent, type ReactNode } from 'react';
import type { Role } from '@ordo/domain';
import { RoleCheckboxes } from './role-checkboxes';

interface Props<R extends Role> {
  /** The heading and the form's accessible name. */
  title: string;
  emailLabel: string;
  submitLabel: string;
  /** The roles to offer (every role by default) and those ticked at first. */
  choices?: readonly R[];
  initialRoles: R[];
  /** People to pick from instead of typing an email (a datalist of their emails, named). */
  people?: readonly { id: string; name: string; email: string }[];
  onAdd: (email: string, roles: R[]) => void;
  children?: ReactNode;
}

/** Adds someone who has an Ordo account, by email, with the roles ticked. */
export function AddMemberForm<R extends Role>({
  title,
  emailLabel,
  submitLabel,
  choices,
  initialRoles,
  people = [],
  onAdd,
  children,
}: Props<R>) {
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<R[]>(initialRoles);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAdd(email, roles);
    setEmail('');
  };
  const listId = people.length > 0 ? 'people-to-add' : undefined;
  return (
    <form className="card stack" style={{ padding: 16 }} onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      {children}
      <label>
        {emailLabel}
        <input type="email" required list={listId} value={email} onChange={(e) => setEmail(e.target.value)} />
        {listId && (
          <datalist id={listId}>
            {people.map((u) => (
              <option key={u.id} value={u.email}>
                {u.name}
              </option>
            ))}
          </datalist>
        )}
      </label>
      <RoleCheckboxes
        label="Roles of the new member"
        choices={choices}
        roles={roles}
        disabled={false}
        reason=""
        onChange={setRoles}
      />
      <div>
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
