import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useToast } from '../ui/toast';
import { describeError, isApiError } from './client';

/** How one cached query shows a change at once, and takes the server's answer before the refetch. */
export interface CacheChange<TVars, TResult> {
  queryKey: QueryKey;
  optimistic: (data: unknown, vars: TVars) => unknown;
  confirm?: (data: unknown, result: TResult, vars: TVars) => unknown;
}

/** A typed `CacheChange`: the cache's data type is checked here, where the change is written. */
export function cacheChange<TData, TVars, TResult>(
  queryKey: QueryKey,
  optimistic: (data: TData, vars: TVars) => TData,
  confirm?: (data: TData, result: TResult, vars: TVars) => TData,
): CacheChange<TVars, TResult> {
  return {
    queryKey,
    optimistic: (data, vars) => optimistic(data as TData, vars),
    confirm: confirm && ((data, result, vars) => confirm(data as TData, result, vars)),
  };
}

interface Options<TVars, TResult> {
  /** Names the kind of change; only the last of a burst of them refetches, so quick drags do not flicker. */
  mutationKey: QueryKey;
  mutationFn: (vars: TVars) => Promise<TResult>;
  changes: CacheChange<TVars, TResult>[];
  /** What to refetch once the change is settled (defaults to the changed queries). */
  invalidate?: QueryKey[];
  /** Changes with the same scope run one after another (each edit must carry the version the last one made). */
  scope?: { id: string };
}

/** Why the change was undone, in words: a 409 means someone else got there first. */
function rollbackMessage(error: unknown): string {
  if (isApiError(error, 'conflict'))
    return `${describeError(error)} — someone changed it first; showing the latest.`;
  return describeError(error);
}

/**
 * TanStack Query's optimistic update: cancel → snapshot → setQueryData → roll back on error with a toast →
 * invalidate on settle. Every drag in the app goes through it.
 */
export function useOptimisticMutation<TVars, TResult>({
  mutationKey,
  mutationFn,
  changes,
  invalidate,
  scope,
}: Options<TVars, TResult>) {
  const queryClient = useQueryClient();
  const notify = useToast();
  return useMutation({
    mutationKey,
    scope,
    mutationFn,
    onMutate: async (vars: TVars) => {
      await Promise.all(changes.map(({ queryKey }) => queryClient.cancelQueries({ queryKey })));
      return changes.map(({ queryKey, optimistic }) => {
        const previous = queryClient.getQueryData(queryKey);
        if (previous !== undefined) queryClient.setQueryData(queryKey, optimistic(previous, vars));
        return { queryKey, previous };
      });
    },
    onError: (error, _vars, snapshots) => {
      for (const { queryKey, previous } of snapshots ?? [])
        if (previous !== undefined) queryClient.setQueryData(queryKey, previous);
      notify(rollbackMessage(error), 'error');
    },
    onSuccess: (result, vars) => {
      for (const { queryKey, confirm } of changes) {
        if (confirm)
          queryClient.setQueryData(queryKey, (data: unknown) =>
            data === undefined ? data : confirm(data, result, vars),
          );
      }
    },
    onSettled: async () => {
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      const keys = invalidate ?? changes.map((c) => c.queryKey);
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
