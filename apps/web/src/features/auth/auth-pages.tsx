import { Link, useSearchParams } from 'react-router';
import { userResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { AuthForm, type Field } from './auth-form';
import { SsoLink } from './sso-link';

const EMAIL: Field = { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' };

/** Keeps ?next= when switching between login and register, so a shared deep link still lands. */
function useCarriedSearch() {
  const [params] = useSearchParams();
  return params.toString() ? `?${params}` : '';
}

export function LoginPage() {
  const search = useCarriedSearch();
  const [params] = useSearchParams();
  return (
    <AuthForm
      title="Log in"
      notice={params.get('reset') === 'done' && 'Your new password is set: log in with it.'}
      submitLabel="Log in"
      fields={[
        EMAIL,
        { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
      ]}
      submit={(body) => request('/auth/login', userResponse, { method: 'POST', body })}
      alternative={<SsoLink />}
      footer={
        <>
          New to Ordo? <Link to={`/register${search}`}>Create an account</Link> ·{' '}
          <Link to="/forgot-password">Forgot password?</Link>
        </>
      }
    />
  );
}

export function RegisterPage() {
  const search = useCarriedSearch();
  return (
    <AuthForm
      title="Create your account"
      submitLabel="Create account"
      fields={[
        { name: 'name', label: 'Name', type: 'text', autoComplete: 'name' },
        EMAIL,
        {
          name: 'password',
          label: 'Password (8 characters or more)',
          type: 'password',
          autoComplete: 'new-password',
        },
      ]}
      submit={(body) => request('/auth/register', userResponse, { method: 'POST', body })}
      footer={
        <>
          Already have an account? <Link to={`/login${search}`}>Log in</Link>
        </>
      }
    />
  );
}
