import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, screen, waitFor } from '@testing-library/react';
import { ToastProvider } from '../ui/toast';
import { ApiError } from './client';
import { cacheChange, useOptimisticMutation } from './optimistic';

afterEach(cleanup);

const KEY = ['project', 'SHOP', 'list'];

function setup(result: () => Promise<string[]>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(KEY, ['a', 'b', 'c']);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
  const hook = renderHook(
    () =>
      useOptimisticMutation<string, string[]>({
        mutationKey: ['move'],
        mutationFn: result,
        changes: [
          cacheChange<string[], string, string[]>(
            KEY,
            (list, item) => [item, ...list.filter((x) => x !== item)],
            (_list, saved) => saved,
          ),
        ],
        invalidate: [],
      }),
    { wrapper },
  );
  return { client, hook };
}

describe('useOptimisticMutation', () => {
  it('shows the change at once and keeps the server’s answer', async () => {
    let answer: (v: string[]) => void = () => undefined;
    const { client, hook } = setup(() => new Promise((resolve) => (answer = resolve)));
    act(() => hook.result.current.mutate('c'));
    await waitFor(() => expect(client.getQueryData(KEY)).toEqual(['c', 'a', 'b']));
    await act(async () => answer(['c', 'a', 'b']));
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(client.getQueryData(KEY)).toEqual(['c', 'a', 'b']);
  });

  it('rolls back on a 403 and says who may', async () => {
    const refusal = new ApiError(403, 'forbidden', 'Only the Product Owner can change backlog order');
    const { client, hook } = setup(() => Promise.reject(refusal));
    act(() => hook.result.current.mutate('c'));
    await waitFor(() => expect(hook.result.current.isError).toBe(true));
    expect(client.getQueryData(KEY)).toEqual(['a', 'b', 'c']);
    expect(await screen.findByText('Only the Product Owner can change backlog order')).toBeTruthy();
  });

  it('rolls back on a 409 and explains that someone got there first', async () => {
    const { client, hook } = setup(() =>
      Promise.reject(new ApiError(409, 'conflict', 'SHOP-3 was changed by someone else')),
    );
    act(() => hook.result.current.mutate('c'));
    await waitFor(() => expect(hook.result.current.isError).toBe(true));
    expect(client.getQueryData(KEY)).toEqual(['a', 'b', 'c']);
    expect(await screen.findByText(/someone changed it first/)).toBeTruthy();
  });
});
