import { afterEach, describe, expect, it, vi } from 'vitest';
import { userResponse } from '@ordo/domain';
import { ApiError, describeError, request } from './client';

const reply = (status: number, body: unknown) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status })),
  );

afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
  it('parses the answer with the domain schema', async () => {
    const user = {
      id: '00000000-0000-4000-8000-000000000001',
      email: 'a@b.c',
      name: 'Ana',
      handle: 'ana',
      createdAt: '2025-01-01T00:00:00.000Z',
    };
    reply(200, { user });
    await expect(request('/me', userResponse)).resolves.toEqual({ user });
  });

  it('turns the contract’s error shape into an ApiError with code, message and details', async () => {
    reply(409, {
      error: { code: 'conflict', message: 'SHOP-3 was changed by someone else', details: { current: {} } },
    });
    const error = await request('/x', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'conflict', details: { current: {} } });
    expect(describeError(error)).toBe('SHOP-3 was changed by someone else');
  });

  it('says something useful when the server answers outside the contract', async () => {
    reply(502, undefined);
    const error = await request('/x', null).catch((e: unknown) => e);
    expect(describeError(error)).toMatch(/502/);
  });

  it('refuses an answer in the wrong shape rather than rendering it', async () => {
    reply(200, { user: { id: 'not-a-uuid' } });
    const error = await request('/me', userResponse).catch((e: unknown) => e);
    expect(describeError(error)).toBe('The server answered in an unexpected shape');
  });
});
