import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { projectResponse } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { suggestKey } from './suggest-key';

export function CreateProjectForm() {
  const [name, setName] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const effectiveKey = key ?? suggestKey(name);
  const create = useMutation({
    mutationFn: () =>
      request('/projects', projectResponse, { method: 'POST', body: { name, key: effectiveKey } }),
    onSuccess: async ({ project }) => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      void navigate(`/projects/${project.key}/backlog`);
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card stack" style={{ padding: 16 }} onSubmit={onSubmit} aria-label="New project">
      <h2>New project</h2>
      <div className="row" style={{ alignItems: 'end' }}>
        <label style={{ flex: 1 }}>
          Name
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label style={{ width: 120 }}>
          Key
          <input
            required
            pattern="[A-Z][A-Z0-9]{1,9}"
            title="2–10 capital letters or digits, starting with a letter"
            value={effectiveKey}
            onChange={(e) => setKey(e.target.value.toUpperCase())}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          Create project
        </button>
      </div>
      {create.isError && (
        <p className="error-text" role="alert">
          {describeError(create.error)}
        </p>
      )}
    </form>
  );
}
