import { expect } from 'vitest';
import type { Reply } from './harness';

/** A 4xx in the contract's shape whose details name `field`. */
export function expectRefusal(reply: Reply, status: number, code: string, field?: string) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.body.error.code).toBe(code);
  expect(typeof reply.body.error.message).toBe('string');
  if (field) expect(JSON.stringify(reply.body.error)).toContain(field);
}

export const expectInvalid = (reply: Reply, field: string) =>
  expectRefusal(reply, 400, 'validation_failed', field);
