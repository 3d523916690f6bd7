import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { projectResponse } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { NameKeyForm } from './name-key-form';

export function CreateProjectForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: { name: string; key: string }) =>
      request('/projects', projectResponse, { method: 'POST', body }),
    onSuccess: async ({ project }) => {
      // The project comes with a product of its own: the switcher lists my products.
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await queryClient.invalidateQueries({ queryKey: ['products'] });
      void navigate(`/projects/${project.key}/backlog`);
    },
  });
  return (
    <NameKeyForm
      title="New project"
      submitLabel="Create project"
      pending={create.isPending}
      error={create.error}
      onSubmit={create.mutateAsync}
    />
  );
}
