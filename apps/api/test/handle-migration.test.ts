import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrationsFolder } from '@ordo/db';
import { createEmptyDatabase } from './database';

/**
 * The handle migration on a database that already has people: every one gets a valid, unique handle from
 * their email, numbered by sign-up order. The migrations run as committed SQL, up to and after it.
 */
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};
const statements = (tag: string) =>
  readFileSync(join(migrationsFolder, `${tag}.sql`), 'utf8')
    .split('--> statement-breakpoint')
    .filter((s) => s.trim());
const at = journal.entries.findIndex((e) => e.tag.endsWith('_users_handle'));

async function openRaw(): Promise<{
  query: (sql: string) => Promise<{ rows: any[] }>;
  close: () => Promise<void>;
}> {
  if (process.env.ORDO_TEST_DB === 'postgres' && process.env.TEST_DATABASE_URL) {
    const empty = await createEmptyDatabase(process.env.TEST_DATABASE_URL);
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    return { query: (sql) => client.query(sql), close: async () => (await client.end(), await empty.drop()) };
  }
  const client = await PGlite.create();
  return { query: (sql) => client.query(sql), close: () => client.close() };
}

const raw = await openRaw();
afterAll(() => raw.close());

describe('the handle migration', () => {
  it('gives every existing person a unique handle from their email', async () => {
    expect(at).toBeGreaterThan(0);
    for (const entry of journal.entries.slice(0, at))
      for (const sql of statements(entry.tag)) await raw.query(sql);
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
    for (const entry of journal.entries.slice(at))
      for (const sql of statements(entry.tag)) await raw.query(sql);

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
