import { afterAll, describe, expect, it } from 'vitest';
import { migrationIndex, openRaw } from './raw-migrations';

/**
 * The handle migration on a database that already has people: every one gets a valid, unique handle from
 * their email, numbered by sign-up order. The migrations run as committed SQL, up to and after it.
 */
const at = migrationIndex('_users_handle');

const raw = await openRaw();
afterAll(() => raw.close());

describe('the handle migration', () => {
  it('gives every existing person a unique handle from their email', async () => {
    expect(at).toBeGreaterThan(0);
    await raw.migrate(0, at);
    const people = [
      ['ada@one.test', '2025-01-01'],
      ['Ada@two.test', '2025-01-02'],
      ['ada@three.test', '2025-01-03'],
      ['Jean.Dupont+ordo@x.test', '2025-01-04'],
      ['!!!@x.test', '2025-01-05'],
      ['ada-2@x.test', '2025-01-06'],
      [`${'x'.repeat(40)}@x.test`, '2025-01-07'],
      [`${'x'.repeat(40)}@y.test`, '2025-01-08'],
    ];
    for (const [email, day] of people) {
      await raw.query(
        `INSERT INTO users (email, name, password_hash, created_at) VALUES ('${email}', 'P', 'x', '${day}')`,
      );
    }
    await raw.migrate(at);

    const { rows } = await raw.query('SELECT email, handle FROM users ORDER BY created_at');
    const handles = rows.map((r) => r.handle as string);
    expect(handles.slice(0, 5)).toEqual(['ada', 'ada-2', 'ada-3', 'jean.dupont.ordo', 'user']);
    // `ada-2` was numbered for the second Ada, so its own owner takes an id suffix instead of a clash.
    expect(handles[5]).toMatch(/^ada-2-[0-9a-f]{8}$/);
    expect(handles[6]).toBe('x'.repeat(32));
    expect(handles[7]).toBe(`${'x'.repeat(28)}-2`);
    expect(new Set(handles).size).toBe(handles.length);
    for (const h of handles) expect(h).toMatch(/^[a-z0-9][a-z0-9._-]{0,31}$/);
    await expect(
      raw.query(`UPDATE users SET handle = 'ada' WHERE email = 'ada@three.test'`),
    ).rejects.toThrow();
  });
});
