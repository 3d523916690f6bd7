import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError, isApiError, request } from '../../shared/api/client';

/** "Forgot password?": the same answer whether the email has an account or not. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const send = useMutation({
    mutationFn: () => request('/auth/password-reset', null, { method: 'POST', body: { email } }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  return (
    <main className="auth-page">
      <form className="card stack auth-card" onSubmit={submit}>
        <div className="brand">Ordo</div>
        <h1>Reset your password</h1>
        {send.isSuccess ? (
          <p role="status">
            If an account has this email, a link to choose a new password is on its way. It works for one
            hour.
          </p>
        ) : (
          <>
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
            {send.isError && (
              <p className="error-text" role="alert">
                {describeError(send.error)}
              </p>
            )}
            <button type="submit" className="btn btn-primary" disabled={send.isPending}>
              Send the link
            </button>
          </>
        )}
        <p className="muted">
          <Link to="/login">Back to log in</Link>
        </p>
      </form>
    </main>
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset.mutate();
  };
  return (
    <main className="auth-page">
      <form className="card stack auth-card" onSubmit={submit}>
        <div className="brand">Ordo</div>
        <h1>Choose a new password</h1>
        <label>
          New password (8 characters or more)
          <input
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {reset.isError && (
          <p className="error-text" role="alert">
            {isApiError(reset.error, 'not_found')
              ? 'This link is unknown, used or expired: ask for a new one.'
              : describeError(reset.error)}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={reset.isPending}>
          Set the new password
        </button>
        <p className="muted">
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </form>
    </main>
  );
}
