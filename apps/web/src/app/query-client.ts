import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api/client';

/** Refusals (4xx) are answers, not glitches: retrying them only delays the message. */
const shouldRetry = (failures: number, error: unknown) =>
  failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500);

export function createQueryClient() {
  // A session that ended (logout elsewhere, expiry) shows as a 401 anywhere: that is the answer to "who is
  // signed in?", so record it without asking again; the shell then sends the person to log in, with a way
  // back to where they were. (Re-fetching `me` here looped: its own 401 came back through this handler.)
  const onError = (error: unknown) => {
    if (isApiError(error, 'unauthenticated')) client.setQueryData(['me'], null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
  return client;
}
