import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { tokenList, tokenResponse } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { formatMoment } from '../../shared/ui/format';
import { useToast } from '../../shared/ui/toast';

const tokensKey = ['me', 'tokens'] as const;

/** Personal access tokens for scripts: named, optionally expiring, shown once, revoked at once. */
export function AccessTokens() {
  const queryClient = useQueryClient();
  const notify = useToast();
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => request('/me/tokens', tokenList, { signal }),
  });
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [minted, setMinted] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: tokensKey });
  const create = useMutation({
    mutationFn: () =>
      request('/me/tokens', tokenResponse, {
        method: 'POST',
        body: { name: name.trim(), ...(days ? { expiresInDays: Number(days) } : {}) },
      }),
    onSuccess: ({ token }) => {
      setMinted(token);
      setName('');
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => request(`/me/tokens/${encodeURIComponent(id)}`, null, { method: 'DELETE' }),
    onSuccess: () => {
      notify('Token revoked: it stopped working');
      return refresh();
    },
    onError: (error) => notify(describeError(error), 'error'),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) create.mutate();
  };
  return (
    <div className="stack">
      <form className="row" onSubmit={submit} aria-label="New token" style={{ flexWrap: 'wrap' }}>
        <input
          aria-label="Token name"
          placeholder="What it is for, e.g. CI export"
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <select aria-label="Expires" value={days} onChange={(e) => setDays(e.target.value)}>
          <option value="">Never expires</option>
          <option value="30">Expires in 30 days</option>
          <option value="90">Expires in 90 days</option>
          <option value="365">Expires in a year</option>
        </select>
        <button type="submit" className="btn" disabled={!name.trim() || create.isPending}>
          Create token
        </button>
      </form>
      {create.isError && (
        <p className="error-text" role="alert">
          {describeError(create.error)}
        </p>
      )}
      {minted && (
        <p role="status">
          Copy it now, it is shown only once: <code data-testid="new-token">{minted}</code>
        </p>
      )}
      <ul className="stack" aria-label="Your tokens" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {tokens.data?.items.length === 0 && <li className="muted">No tokens yet.</li>}
        {tokens.data?.items.map((t) => (
          <li key={t.id} className="row">
            <strong>{t.name}</strong>
            <span className="muted">
              created {formatMoment(t.createdAt)} ·{' '}
              {t.lastUsedAt ? `last used ${formatMoment(t.lastUsedAt)}` : 'never used'}
              {t.expiresAt && ` · expires ${formatMoment(t.expiresAt)}`}
            </span>
            <span className="spacer" />
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => revoke.mutate(t.id)}
              aria-label={`Revoke ${t.name}`}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Lost a laptop? Every session and live connection of this account ends, this one included. */
export function SignOutEverywhere() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const end = useMutation({
    mutationFn: () => request('/auth/logout-everywhere', null, { method: 'POST' }),
    onSuccess: () => {
      queryClient.clear();
      void navigate('/login');
    },
  });
  return (
    <div className="row">
      <span className="muted">
        Ends every session of yours, on every device; tokens keep working until you revoke them.
      </span>
      <button type="button" className="btn btn-danger" onClick={() => end.mutate()} disabled={end.isPending}>
        Sign out everywhere
      </button>
    </div>
  );
}
