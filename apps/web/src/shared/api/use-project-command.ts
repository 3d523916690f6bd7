import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '../ui/toast';
import { describeError } from './client';

/**
 * A change that is not worth an optimistic picture (create, start, accept…): one request, the outcome in a
 * toast, then every query of the project refetched, since such changes touch several views.
 */
export function useProjectCommand<TVars, TResult>(
  projectKey: string,
  mutationFn: (vars: TVars) => Promise<TResult>,
  success?: (result: TResult, vars: TVars) => string | null,
) {
  const queryClient = useQueryClient();
  const notify = useToast();
  return useMutation({
    mutationFn,
    onSuccess: (result, vars) => {
      const message = success?.(result, vars);
      if (message) notify(message);
    },
    onError: (error) => notify(describeError(error), 'error'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['project', projectKey] }),
  });
}
