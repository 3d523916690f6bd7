import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { memberResponse, type Role } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';
import { useProjectCommand } from '../../shared/api/use-project-command';
import { ActionButton } from '../../shared/ui/action-button';
import { Avatar } from '../../shared/ui/avatar';
import { ErrorState, PageSkeleton, RoleHint } from '../../shared/ui/feedback';
import { useCan } from '../projects/access';
import { membersQuery } from '../projects/queries';
import { useProjectKey } from '../projects/use-project-key';
import { InvitationsPanel } from './invitations-panel';
import { RoleCheckboxes } from './role-checkboxes';
import './members.css';

type MemberCommand =
  | { command: 'add'; email: string; roles: Role[] }
  | { command: 'roles'; userId: string; roles: Role[] }
  | { command: 'remove'; userId: string };

function useMemberCommand(projectKey: string) {
  const members = `${projectPath(projectKey)}/members`;
  return useProjectCommand(projectKey, async (action: MemberCommand) => {
    if (action.command === 'add')
      await request(members, memberResponse, {
        method: 'POST',
        body: { email: action.email, roles: action.roles },
      });
    else if (action.command === 'roles')
      await request(`${members}/${action.userId}`, memberResponse, {
        method: 'PATCH',
        body: { roles: action.roles },
      });
    else await request(`${members}/${action.userId}`, null, { method: 'DELETE' });
  });
}

function AddMember({ onAdd }: { onAdd: (email: string, roles: Role[]) => void }) {
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['developer']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAdd(email, roles);
    setEmail('');
  };
  return (
    <form className="card stack" style={{ padding: 16 }} onSubmit={submit} aria-label="Add a member">
      <h2>Add a member</h2>
      <label>
        Email of someone with an Ordo account
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <RoleCheckboxes
        label="Roles of the new member"
        roles={roles}
        disabled={false}
        reason=""
        onChange={setRoles}
      />
      <div>
        <button type="submit" className="btn btn-primary">
          Add member
        </button>
      </div>
    </form>
  );
}

/** Who is on the project and in which roles; the Product Owner manages it. */
export function MembersPage() {
  const projectKey = useProjectKey();
  const members = useQuery(membersQuery(projectKey));
  const managing = useCan('members.manage');
  const inviting = useCan('members.invite');
  const command = useMemberCommand(projectKey);
  if (members.isPending) return <PageSkeleton rows={5} label="Loading members" />;
  if (members.isError)
    return <ErrorState message={describeError(members.error)} onRetry={() => members.refetch()} />;
  return (
    <main className="page">
      <h1>Members</h1>
      {!managing.allowed && <RoleHint reason={managing.reason} />}
      <ul className="members">
        {members.data.items.map(({ user, roles }) => (
          <li key={user.id} className="card member">
            <Avatar name={user.name} id={user.id} />
            <div className="member-name">
              <strong>{user.name}</strong>
              <div className="muted">{user.email}</div>
            </div>
            <RoleCheckboxes
              label={`Roles of ${user.name}`}
              roles={roles}
              disabled={!managing.allowed}
              reason={managing.reason}
              onChange={(next) => command.mutate({ command: 'roles', userId: user.id, roles: next })}
            />
            <ActionButton
              variant="ghost"
              className="btn-danger"
              allowed={managing.allowed}
              reason={managing.reason}
              onClick={() => command.mutate({ command: 'remove', userId: user.id })}
            >
              Remove
            </ActionButton>
          </li>
        ))}
      </ul>
      {inviting.allowed && <InvitationsPanel projectKey={projectKey} />}
      {managing.allowed && (
        <AddMember onAdd={(email, roles) => command.mutate({ command: 'add', email, roles })} />
      )}
    </main>
  );
}
