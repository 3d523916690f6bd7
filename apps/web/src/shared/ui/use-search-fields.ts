import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * View state kept in the URL's query (filters, toggles), so what someone sees is a link a teammate can open.
 * Empty values are dropped from the URL.
 */
export function useSearchFields<F extends string>(
  fields: readonly F[],
): [Partial<Record<F, string>>, (field: F, value: string) => void] {
  const [params, setParams] = useSearchParams();
  const values = useMemo(
    () =>
      Object.fromEntries(fields.map((f) => [f, params.get(f) || undefined])) as Partial<Record<F, string>>,
    // `fields` is a module constant at every call site, so only the URL can change the values.
    [params],
  );
  const set = useCallback(
    (field: F, value: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(field, value);
          else next.delete(field);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [values, set];
}
