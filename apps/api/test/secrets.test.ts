import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { hashPassword, setPasswordCostForTests, PASSWORD_COST, verifyPassword } from '../src/lib/secrets';
import { openTestDatabase } from './database';

describe('password hashes', () => {
  it("are made at production's cost unless a test lowers it, and each is checked at the cost it was made with", async () => {
    // An app built without a cost hashes at production's, whatever an earlier test file's app (same worker) set.
    const opened = await openTestDatabase();
    await (await buildApp({ database: opened.database })).close();
    await opened.drop();
    const full = await hashPassword('correct horse battery');
    expect(full).toMatch(/^scrypt\$/);
    expect(PASSWORD_COST).toBe(16384);

    setPasswordCostForTests(64);
    const cheap = await hashPassword('correct horse battery');
    expect(cheap).toMatch(/^scrypt-64\$/);
    for (const stored of [full, cheap]) {
      expect(await verifyPassword('correct horse battery', stored)).toBe(true);
      expect(await verifyPassword('correct horse batteries', stored)).toBe(false);
    }
  });

  it('refuses a cost that is no power of two, or not below production', async () => {
    expect(() => setPasswordCostForTests(100)).toThrow();
    expect(() => setPasswordCostForTests(PASSWORD_COST * 2)).toThrow();
    const cheap = await hashPassword('x');
    expect(await verifyPassword('x', cheap.replace(/^scrypt-\d+/, `scrypt-${PASSWORD_COST * 2}`))).toBe(
      false,
    );
    expect(await verifyPassword('x', cheap.replace(/^scrypt-\d+/, 'scrypt-100'))).toBe(false);
  });
});
