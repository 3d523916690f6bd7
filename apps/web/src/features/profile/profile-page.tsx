import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { userResponse } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { useToast } from '../../shared/ui/toast';
import { NewPasswordField } from '../auth/new-password-field';
import { meQuery } from '../projects/queries';
import { AccessTokens, SignOutEverywhere } from './access-tokens';

function NameAndHandle() {
  const me = useQuery(meQuery).data?.user;
  const queryClient = useQueryClient();
  const notify = useToast();
  const [name, setName] = useState(me?.name ?? '');
  const [handle, setHandle] = useState(me?.handle ?? '');
  const save = useMutation({
    mutationFn: () => request('/me', userResponse, { method: 'PATCH', body: { name, handle } }),
    onSuccess: () => {
      notify('Profile saved');
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="stack" onSubmit={submit} aria-label="Name and handle">
      <label>
        Name
        <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Handle (others mention you as @{handle || '…'})
        <input required maxLength={32} value={handle} onChange={(e) => setHandle(e.target.value)} />
      </label>
      {save.isError && (
        <p className="error-text" role="alert">
          {describeError(save.error)}
        </p>
      )}
      <div>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}

function ChangePassword() {
  const notify = useToast();
  const [values, setValues] = useState({ current: '', password: '' });
  const change = useMutation({
    mutationFn: () => request('/me/password', null, { method: 'PUT', body: values }),
    onSuccess: () => {
      setValues({ current: '', password: '' });
      notify('Password changed; your other sessions were signed out');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  return (
    <form className="stack" onSubmit={submit} aria-label="Change password">
      <label>
        Current password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={values.current}
          onChange={(e) => setValues((v) => ({ ...v, current: e.target.value }))}
        />
      </label>
      <NewPasswordField
        value={values.password}
        onChange={(password) => setValues((v) => ({ ...v, password }))}
      />
      {change.isError && (
        <p className="error-text" role="alert">
          {describeError(change.error)}
        </p>
      )}
      <div>
        <button type="submit" className="btn btn-primary" disabled={change.isPending}>
          Change password
        </button>
      </div>
    </form>
  );
}

export interface ProfileSection {
  id: string;
  title: string;
  render: () => ReactNode;
}

/** The profile page's sections, in order: add one here (e.g. personal access tokens) to show it. */
export const PROFILE_SECTIONS: ProfileSection[] = [
  { id: 'identity', title: 'Name and handle', render: () => <NameAndHandle /> },
  { id: 'password', title: 'Password', render: () => <ChangePassword /> },
  { id: 'tokens', title: 'Personal access tokens', render: () => <AccessTokens /> },
  { id: 'sessions', title: 'Sessions', render: () => <SignOutEverywhere /> },
];

export function ProfilePage() {
  const me = useQuery(meQuery);
  if (!me.data) return null;
  return (
    <main className="page" style={{ maxWidth: 640, margin: '0 auto', width: '100%' }}>
      <h1>Your profile</h1>
      <p className="muted">{me.data.user.email}</p>
      {PROFILE_SECTIONS.map((section) => (
        <section
          key={section.id}
          className="card stack"
          style={{ padding: 16 }}
          aria-labelledby={`profile-${section.id}`}
        >
          <h2 id={`profile-${section.id}`}>{section.title}</h2>
          {section.render()}
        </section>
      ))}
    </main>
  );
}
