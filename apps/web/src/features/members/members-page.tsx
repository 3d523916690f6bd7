import { useQuery } from '@tanstack/react-query';
import { memberResponse, type Role } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';
import { useProjectCommand } from '../../shared/api/use-project-command';
import { ErrorState, PageSkeleton, RoleHint } from '../../shared/ui/feedback';
import { useCan } from '../projects/access';
import { membersQuery } from '../projects/queries';
import { useProjectKey } from '../projects/use-project-key';
import { AddMemberForm } from './add-member-form';
import { InvitationsPanel } from './invitations-panel';
import { MemberRow } from './member-row';
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
          <MemberRow
            key={user.id}
            user={user}
            roles={roles}
            managing={managing}
            onRoles={(next) => command.mutate({ command: 'roles', userId: user.id, roles: next })}
            onRemove={() => command.mutate({ command: 'remove', userId: user.id })}
          />
        ))}
      </ul>
      {inviting.allowed && (
        <InvitationsPanel
          scope={{
            path: projectPath(projectKey),
            cacheKey: ['project', projectKey],
            initialRoles: ['developer'],
          }}
        />
      )}
      {managing.allowed && (
        <AddMemberForm
          title="Add a member"
          emailLabel="Email of someone with an Ordo account"
          submitLabel="Add member"
          initialRoles={['developer']}
          onAdd={(email, roles) => command.mutate({ command: 'add', email, roles })}
        />
      )}
    </main>
  );
}
