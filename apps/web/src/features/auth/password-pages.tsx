import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError, isApiError, request } from '../../shared/api/client';
import { AuthCard } from './auth-card';
import { NewPasswordField } from './new-password-field';

/** "Forgot password?": the same answer whether the email has an account or not. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const send = useMutation({
    mutationFn: () => request('/auth/password-reset', null, { method: 'POST', body: { email } }),
  });
  return (
    <AuthCard
      title="Reset your password"
      onSubmit={() => send.mutate()}
      error={send.isError && describeError(send.error)}
      submitLabel="Send the link"
      pending={send.isPending}
      footer={<Link to="/login">Back to log in</Link>}
      done={
        send.isSuccess && (
          <p role="status">
            If an account has this email, a link to choose a new password is on its way. It works for one
            hour.
          </p>
        )
      }
    >
      <label>
        Email
        <input
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
    </AuthCard>
  );
}

/** The page of the link in the reset mail: a new password, then log in with it (every session ended). */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () =>
      request(`/auth/password-reset/${encodeURIComponent(token)}`, null, {
        method: 'POST',
        body: { password },
      }),
    onSuccess: () => navigate('/login?reset=done', { replace: true }),
  });
  return (
    <AuthCard
      title="Choose a new password"
      onSubmit={() => reset.mutate()}
      error={
        reset.isError &&
        (isApiError(reset.error, 'not_found')
          ? 'This link is unknown, used or expired: ask for a new one.'
          : describeError(reset.error))
      }
      submitLabel="Set the new password"
      pending={reset.isPending}
      footer={<Link to="/forgot-password">Ask for a new link</Link>}
    >
      <NewPasswordField value={password} onChange={setPassword} />
    </AuthCard>
  );
}
