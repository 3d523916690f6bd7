import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo';
import { DEMO_KEY, DEMO_PASSWORD, DEMO_PEOPLE } from '../src/seed/demo-data';
import { openDatabase } from '@ordo/db';
import { buildApp } from '../src/app';
import { createEmptyDatabase } from './database';
import { Client, sessionOf, startTestApp, TEST_PASSWORD_COST, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the demo seed', () => {
  it('seeds once, through the rules, a project every role can sign in to', async () => {
    expect(await seedDemo(t.app)).toContain('po@ordo.dev');
    expect(await seedDemo(t.app)).toBeNull();

    for (const person of DEMO_PEOPLE) {
      const login = await t.anonymous.post('/api/auth/login', {
        email: person.email,
        password: DEMO_PASSWORD,
      });
      const me = await new Client(t.url, sessionOf(login)).get('/api/me');
      expect(me.body.projects).toEqual([expect.objectContaining({ key: DEMO_KEY, roles: person.roles })]);
    }
    const login = await t.anonymous.post('/api/auth/login', {
      email: 'client@ordo.dev',
      password: DEMO_PASSWORD,
    });
    const stakeholder = new Client(t.url, sessionOf(login));
    const base = `/api/projects/${DEMO_KEY}`;
    const sprints = (await stakeholder.get(`${base}/sprints`)).body.items
      .map((s: { state: string }) => s.state)
      .sort();
    expect(sprints).toEqual(['active', 'closed', 'planned']);
    expect((await stakeholder.get(`${base}/epics`)).body.items).toHaveLength(2);
    expect((await stakeholder.get(`${base}/backlog`)).body.items.length).toBeGreaterThan(20);
    expect((await stakeholder.get(`${base}/velocity`)).body.average).toBeGreaterThan(0);
    const board = (await stakeholder.get(`${base}/board`)).body;
    expect(board.columns.flatMap((c: { stories: unknown[] }) => c.stories)).toHaveLength(7);
  });
});

const adminUrl = process.env.ORDO_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;

describe.runIf(adminUrl)('instances starting together on one PostgreSQL', () => {
  it('migrate and seed once between them', async () => {
    const empty = await createEmptyDatabase(adminUrl!);
    try {
      const databases = await Promise.all([
        openDatabase({ url: empty.url }),
        openDatabase({ url: empty.url }),
      ]);
      // The seed's coordination is under test here, not the password hash: the suite's cheap scrypt cost.
      const apps = await Promise.all(
        databases.map((database) => buildApp({ database, passwordCost: TEST_PASSWORD_COST })),
      );
      const seeded = await Promise.all(apps.map((app, i) => databases[i]!.exclusively(() => seedDemo(app))));
      expect(seeded.filter((logins) => logins !== null)).toHaveLength(1);
      const projects = await databases[0].db.query.projects.findMany();
      expect(projects.map((p) => p.key)).toEqual([DEMO_KEY]);
      for (const app of apps) await app.close();
      for (const database of databases) await database.close();
    } finally {
      await empty.drop();
    }
  });
});
