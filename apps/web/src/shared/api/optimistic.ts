import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useToast } from '../ui/toast';
import { describeError, isApiError } from './client';

interface Options<TData, TVars, TResult> {
  /** Names the kind of change; only the last of a burst of them refetches, so quick drags do not flicker. */
  mutationKey: QueryKey;
  /** The cached list the change shows in at once. */
  queryKey: QueryKey;
  mutationFn: (vars: TVars) => Promise<TResult>;
  optimistic: (data: TData, vars: TVars) => TData;
  /** Puts the server's answer into the cache before the refetch, so the item does not jump back in between. */
  confirm?: (data: TData, result: TResult, vars: TVars) => TData;
  /** What to refetch once the change is settled (defaults to `queryKey`). */
  invalidate?: QueryKey[];
  /** Changes with the same scope run one after another (each edit must carry the version the last one made). */
  scope?: { id: string };
}

/** Why the change was undone, in words: a 409 means someone else got there first. */
function rollbackMessage(error: unknown): string {
  if (isApiError(error, 'conflict')) return `${describeError(error)} — someone changed it first; showing the latest.`;
  return describeError(error);
}

/**
 * TanStack Query's optimistic update: cancel → snapshot → setQueryData → roll back on error with a toast →
 * invalidate on settle. Every drag in the app goes through it.
 */
export function useOptimisticMutation<TData, TVars, TResult>(options: Options<TData, TVars, TResult>) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const { queryKey, mutationKey } = options;
  return useMutation({
    mutationKey,
    scope: options.scope,
    mutationFn: options.mutationFn,
    onMutate: async (vars: TVars) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<TData>(queryKey);
      if (previous !== undefined) queryClient.setQueryData<TData>(queryKey, options.optimistic(previous, vars));
      return { previous };
    },
    onError: (error, _vars, snapshot) => {
      if (snapshot?.previous !== undefined) queryClient.setQueryData(queryKey, snapshot.previous);
      notify(rollbackMessage(error), 'error');
    },
    onSuccess: (result, vars) => {
      const { confirm } = options;
      if (confirm) queryClient.setQueryData<TData>(queryKey, (data) => (data === undefined ? data : confirm(data, result, vars)));
    },
    onSettled: async () => {
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      await Promise.all((options.invalidate ?? [queryKey]).map((key) => queryClient.invalidateQueries({ queryKey: key })));
    },
  });
}
