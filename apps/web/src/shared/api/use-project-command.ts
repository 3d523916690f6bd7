import { useCommand } from './use-command';

/** A command in one project (`useCommand`): every query of the project is refetched once it settles. */
export function useProjectCommand<TVars, TResult>(
  projectKey: string,
  mutationFn: (vars: TVars) => Promise<TResult>,
  success?: (result: TResult, vars: TVars) => string | null,
) {
  return useCommand([['project', projectKey]], mutationFn, success);
}
