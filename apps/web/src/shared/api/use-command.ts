import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useToast } from '../ui/toast';
import { describeError } from './client';

/**
 * A change that is not worth an optimistic picture (create, start, accept…): one request, the outcome in a
 * toast (a refusal in the API's words), then every query under `invalidates` refetched, since such changes
 * touch several views.
 */
export function useCommand<TVars, TResult>(
  invalidates: readonly QueryKey[],
  mutationFn: (vars: TVars) => Promise<TResult>,
  success?: (result: TResult, vars: TVars) => string | null,
  /** A form that shows the refusal beside its fields says it there only, not in a toast too. */
  options: { errorsInline?: boolean } = {},
) {
  const queryClient = useQueryClient();
  const notify = useToast();
  return useMutation({
    mutationFn,
    onSuccess: (result, vars) => {
      const message = success?.(result, vars);
      if (message) notify(message);
    },
    onError: (error) => {
      if (!options.errorsInline) notify(describeError(error), 'error');
    },
    onSettled: () => Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
