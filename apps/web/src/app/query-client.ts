import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api/client';

/** Refusals (4xx) are answers, not glitches: retrying them only delays the message. */
const shouldRetry = (failures: number, error: unknown) =>
  failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500);

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}
