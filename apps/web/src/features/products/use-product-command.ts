import { useCommand } from '../../shared/api/use-command';
import { productKeys } from './queries';

/**
 * A change to a product's members or teams (`useCommand`): then the product, my products, the portfolio
 * and my projects are refetched, since a team that moves or a role that changes shows in all of them.
 */
export function useProductCommand<TVars, TResult>(
  productKey: string,
  mutationFn: (vars: TVars) => Promise<TResult>,
  success?: (result: TResult, vars: TVars) => string | null,
  options?: { errorsInline?: boolean },
) {
  return useCommand(
    [productKeys.all(productKey), productKeys.mine, productKeys.portfolio, ['me']],
    mutationFn,
    success,
    options,
  );
}
