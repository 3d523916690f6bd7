import { useState, type FormEvent } from 'react';
import { queryOptions, useQuery, type QueryKey } from '@tanstack/react-query';
import { invitation, invitationResponse, listOf, ROLE_LABELS, type Role } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { useCommand } from '../../shared/api/use-command';
import { RoleCheckboxes } from './role-checkboxes';

/**
 * Whose invitations: a project's (`/projects/KEY`, team and product roles) or a product's (`/products/KEY`,
 * product roles), and the cache they sit under (refetched after a change).
 */
export interface InvitationScope<R extends Role> {
  path: string;
  cacheKey: QueryKey;
  /** The roles to offer (every role by default), and those ticked at first. */
  choices?: readonly R[];
  initialRoles: R[];
}

const invitationsQuery = (scope: InvitationScope<Role>) =>
  queryOptions({
    queryKey: [...scope.cacheKey, 'invitations'],
    queryFn: ({ signal }) => request(`${scope.path}/invitations`, listOf(invitation), { signal }),
  });

/**
 * Invite by email (whoever the policy lets), the pending invitations with revoke, and the link of the last
 * one: without SMTP it is the way to hand the invitation over, so it is always shown to the inviter.
 */
export function InvitationsPanel<R extends Role>({ scope }: { scope: InvitationScope<R> }) {
  const path = `${scope.path}/invitations`;
  const pending = useQuery(invitationsQuery(scope));
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<R[]>(scope.initialRoles);
  const [lastLink, setLastLink] = useState<{ email: string; url: string } | null>(null);
  const inviteCommand = useCommand(
    [scope.cacheKey],
    (body: { email: string; roles: R[] }) => request(path, invitationResponse, { method: 'POST', body }),
    (result) => {
      setLastLink({ email: result.invitation.email, url: result.invitation.acceptUrl ?? '' });
      setEmail('');
      return `Invitation sent to ${result.invitation.email}`;
    },
  );
  const revoke = useCommand(
    [scope.cacheKey],
    (id: string) => request(`${path}/${id}`, null, { method: 'DELETE' }),
    () => 'Invitation revoked',
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    inviteCommand.mutate({ email, roles });
  };
  return (
    <section className="stack" aria-label="Invitations">
      <form className="card stack" style={{ padding: 16 }} onSubmit={submit} aria-label="Invite someone">
        <h2>Invite someone</h2>
        <label>
          Email to invite
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <RoleCheckboxes
          label="Roles of the invitee"
          choices={scope.choices}
          roles={roles}
          disabled={false}
          reason=""
          onChange={setRoles}
        />
        <div>
          <button type="submit" className="btn btn-primary" disabled={inviteCommand.isPending}>
            Send invitation
          </button>
        </div>
        {lastLink?.url && (
          <p className="muted" data-testid="invitation-link">
            Link for {lastLink.email} (works once, for 7 days):{' '}
            <input
              readOnly
              aria-label="Invitation link"
              value={lastLink.url}
              onFocus={(e) => e.target.select()}
            />
          </p>
        )}
      </form>
      <h2>Pending invitations</h2>
      {pending.data && pending.data.items.length === 0 && <p className="muted">No pending invitations.</p>}
      <ul className="members">
        {pending.data?.items.map((i) => (
          <li key={i.id} className="card member" data-invitation={i.email}>
            <div className="member-name">
              <strong>{i.email}</strong>
              <div className="muted">
                {i.roles.map((r) => ROLE_LABELS[r]).join(', ')} · invited by {i.invitedBy.name} · expires{' '}
                {new Date(i.expiresAt).toLocaleDateString()}
              </div>
            </div>
            <button type="button" className="btn btn-ghost btn-danger" onClick={() => revoke.mutate(i.id)}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
