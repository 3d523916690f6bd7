import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { acceptInvitationResponse, publicInvitationResponse, ROLE_LABELS } from '@ordo/domain';
import { describeError, isApiError, request } from '../../shared/api/client';
import { ErrorState, Skeleton } from '../../shared/ui/feedback';
import { AuthCard } from '../auth/auth-card';
import { meQuery } from '../projects/queries';
import { invitedTo } from './invited-to';

/** The page an invitation link opens: who invited whom to what; join signed in, with a password, or as a newcomer. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const shown = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) =>
      request(`/invitations/${encodeURIComponent(token)}`, publicInvitationResponse, { signal }),
    retry: false,
  });
  const me = useQuery(meQuery);
  const [values, setValues] = useState({ name: '', password: '' });
  const accept = useMutation({
    mutationFn: (body: { name?: string; password?: string }) =>
      request(`/invitations/${encodeURIComponent(token)}/accept`, acceptInvitationResponse, {
        method: 'POST',
        body,
      }),
    onSuccess: async (joined) => {
      queryClient.clear();
      await queryClient.fetchQuery(meQuery);
      void navigate(invitedTo(joined)?.path ?? '/projects', { replace: true });
    },
  });
  if (shown.isPending || me.isPending) return <Skeleton rows={3} label="Loading the invitation" />;
  if (shown.isError) {
    const gone = isApiError(shown.error, 'not_found');
    return (
      <ErrorState
        message={
          gone
            ? 'This invitation link is unknown, used or expired. Ask for a new one.'
            : describeError(shown.error)
        }
      />
    );
  }
  const { invitation } = shown.data;
  const to = invitedTo(invitation);
  const where = to ? `${to.isProduct ? 'the product ' : ''}${to.name} (${to.key})` : 'Ordo';
  const signedIn = me.data?.user;
  const asNewcomer = !signedIn && !invitation.hasAccount;
  const field = (name: 'name' | 'password', label: string, type: string, autoComplete: string) => (
    <label>
      {label}
      <input
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        value={values[name]}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      />
    </label>
  );
  return (
    <AuthCard
      title={`Join ${to?.name ?? 'Ordo'}`}
      onSubmit={() => accept.mutate(signedIn ? {} : asNewcomer ? values : { password: values.password })}
      error={accept.isError && describeError(accept.error)}
      submitLabel={
        signedIn ? `Join ${to?.name ?? 'Ordo'}` : asNewcomer ? 'Create account and join' : 'Sign in and join'
      }
      pending={accept.isPending}
    >
      <p data-testid="invitation-summary">
        {invitation.inviter.name} invited {invitation.email} to {where} as{' '}
        {invitation.roles.map((r) => ROLE_LABELS[r]).join(', ')}.
      </p>
      {signedIn ? (
        <p className="muted">
          You are signed in as {signedIn.name} ({signedIn.email}).
        </p>
      ) : asNewcomer ? (
        <>
          {field('name', 'Your name', 'text', 'name')}
          {field('password', 'Choose a password (8 characters or more)', 'password', 'new-password')}
        </>
      ) : (
        field('password', `Password of ${invitation.email}`, 'password', 'current-password')
      )}
    </AuthCard>
  );
}
