import { afterAll, describe, expect, it } from 'vitest';
import { migrationIndex, openRaw } from './raw-migrations';

/**
 * The products migration on a first-wave database: every project becomes the only team of a product of
 * the same key, name and vision; its epics and feedback move to the product; admins, PMs and stakeholders
 * hold their roles on the product too, and the team memberships stay exactly as they were.
 */
const at = migrationIndex('_products');
const raw = await openRaw();
afterAll(() => raw.close());

async function firstWaveProject(key: string, people: Record<string, string[]>) {
  const [project] = (
    await raw.query(
      `INSERT INTO projects (key, name, vision) VALUES ('${key}', '${key} team', 'Vision of ${key}') RETURNING id`,
    )
  ).rows;
  for (const [email, roles] of Object.entries(people)) {
    await raw.query(`INSERT INTO members (project_id, user_id, roles)
      SELECT '${project.id}', id, ARRAY[${roles.map((r) => `'${r}'`).join(',')}]::text[] FROM users WHERE email = '${email}'`);
  }
  const [status] = (
    await raw.query(
      `INSERT INTO statuses (project_id, name, category, position) VALUES ('${project.id}', 'To Do', 'todo', 0) RETURNING id`,
    )
  ).rows;
  const epicIds: string[] = [];
  for (const rank of ['a0', 'a1']) {
    const [epic] = (
      await raw.query(
        `INSERT INTO epics (project_id, title, rank) VALUES ('${project.id}', '${key} epic ${rank}', '${rank}') RETURNING id`,
      )
    ).rows;
    epicIds.push(epic.id);
  }
  await raw.query(`INSERT INTO stories (project_id, number, title, status_id, rank, epic_id)
    VALUES ('${project.id}', 1, 'A story', '${status.id}', 'a0', '${epicIds[0]}')`);
  await raw.query(`INSERT INTO feedback (project_id, body, author_name, epic_id)
    VALUES ('${project.id}', 'Customers want it', 'Ada', '${epicIds[1]}')`);
  return { id: project.id as string, epicIds };
}

describe('the products migration', () => {
  it('turns every first-wave project into the only team of a product of its own', async () => {
    expect(at).toBeGreaterThan(0);
    await raw.migrate(0, at);
    for (const who of ['admin', 'po', 'pm', 'sm', 'dev', 'sh', 'both'])
      await raw.query(
        `INSERT INTO users (email, name, handle, password_hash) VALUES ('${who}@x.test', '${who}', '${who}', 'x')`,
      );
    const shop = await firstWaveProject('SHOP', {
      'admin@x.test': ['admin'],
      'po@x.test': ['product_owner'],
      'pm@x.test': ['product_manager'],
      'sm@x.test': ['scrum_master'],
      'dev@x.test': ['developer'],
      'sh@x.test': ['stakeholder'],
      'both@x.test': ['product_owner', 'product_manager'],
    });
    const bank = await firstWaveProject('BANK', { 'pm@x.test': ['developer'], 'po@x.test': ['admin'] });
    const membersBefore = (await raw.query('SELECT * FROM members ORDER BY project_id, user_id')).rows;

    await raw.migrate(at);

    const products = (
      await raw.query(`SELECT p.key, p.name, p.vision, pr.id AS project_id FROM products p
        JOIN projects pr ON pr.product_id = p.id ORDER BY p.key`)
    ).rows;
    expect(products).toEqual([
      { key: 'BANK', name: 'BANK team', vision: 'Vision of BANK', project_id: bank.id },
      { key: 'SHOP', name: 'SHOP team', vision: 'Vision of SHOP', project_id: shop.id },
    ]);
    for (const project of [shop, bank]) {
      const epics = (
        await raw.query(`SELECT e.id FROM epics e JOIN projects pr ON pr.product_id = e.product_id
          WHERE pr.id = '${project.id}' ORDER BY e.rank`)
      ).rows;
      expect(epics.map((e) => e.id)).toEqual(project.epicIds);
      const feedback = (
        await raw.query(`SELECT f.epic_id FROM feedback f JOIN projects pr ON pr.product_id = f.product_id
          WHERE pr.id = '${project.id}'`)
      ).rows;
      expect(feedback).toEqual([{ epic_id: project.epicIds[1] }]);
      const linked = (await raw.query(`SELECT epic_id FROM stories WHERE project_id = '${project.id}'`)).rows;
      expect(linked).toEqual([{ epic_id: project.epicIds[0] }]);
    }
    const productRoles = (
      await raw.query(`SELECT p.key, u.email, pm.roles FROM product_members pm
        JOIN products p ON p.id = pm.product_id JOIN users u ON u.id = pm.user_id ORDER BY p.key, u.email`)
    ).rows;
    expect(productRoles).toEqual([
      { key: 'BANK', email: 'po@x.test', roles: ['admin'] },
      { key: 'SHOP', email: 'admin@x.test', roles: ['admin'] },
      { key: 'SHOP', email: 'both@x.test', roles: ['product_manager'] },
      { key: 'SHOP', email: 'pm@x.test', roles: ['product_manager'] },
      { key: 'SHOP', email: 'sh@x.test', roles: ['stakeholder'] },
    ]);
    expect((await raw.query('SELECT * FROM members ORDER BY project_id, user_id')).rows).toEqual(
      membersBefore,
    );
    const columns = (
      await raw.query(`SELECT table_name, column_name, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name IN ('projects', 'epics', 'feedback')
          AND column_name IN ('project_id', 'product_id', 'vision') ORDER BY table_name`)
    ).rows;
    expect(columns).toEqual([
      { table_name: 'epics', column_name: 'product_id', is_nullable: 'NO' },
      { table_name: 'feedback', column_name: 'product_id', is_nullable: 'NO' },
      { table_name: 'projects', column_name: 'product_id', is_nullable: 'NO' },
    ]);
  });
});
