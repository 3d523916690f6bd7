import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestApp, type Reply } from './harness';
import { expectRefusal } from './expect';

function expectUnavailable(reply: Reply) {
  expectRefusal(reply, 503, 'unavailable');
  expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
}

/** Runs `sql` on the server's admin database (the one TEST_DATABASE_URL names). */
async function admin(sql: string) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('a database outage', () => {
  it('answers 503 unavailable with Retry-After, never 500, when the database is closed under the app', async () => {
    const t = await startTestApp();
    const team = await t.projectWithTeam();
    await t.database.close();
    expectUnavailable(await team.po.get('/api/me'));
    expectUnavailable(await team.po.post(`/api/projects/${team.key}/stories`, { title: 'Lost?' }));
    expectUnavailable(
      await t.anonymous.post('/api/auth/login', { email: team.po.user!.email, password: 'whatever it is' }),
    );
    expectUnavailable(await t.anonymous.get('/api/health'));
    await t.close();
  });

  it.runIf(process.env.ORDO_TEST_DB === 'postgres')(
    'answers 503 while PostgreSQL refuses connections, and serves again after',
    async () => {
      const t = await startTestApp();
      const team = await t.projectWithTeam();
      const name = new URL(t.databaseUrl!).pathname.slice(1);
      await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`,
      );
      try {
        expectUnavailable(await team.po.get(`/api/projects/${team.key}/backlog`));
        expectUnavailable(
          await team.po.post(`/api/projects/${team.key}/stories`, { title: 'During the outage' }),
        );
      } finally {
        await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      }
      const created = await team.po.post(`/api/projects/${team.key}/stories`, { title: 'After the outage' });
      expect(created.status).toBe(201);
      const titles = (await team.po.get(`/api/projects/${team.key}/backlog`)).body.items.map(
        (s: { title: string }) => s.title,
      );
      expect(titles).toEqual(['After the outage']);
      await t.close();
    },
  );
});
