import { describe, expect, it } from 'vitest';
import { useFile, startTestApp, type TestApp } from './harness';
import { expectInvalid, expectRefusal } from './expect';

let t: TestApp;
useFile(
  async () => ({ t: await startTestApp() }),
  (file) => ({ t } = file),
);

const password = 'correct horse battery';
let n = 0;
const tag = () => `h${Date.now().toString(36)}${(n++).toString(36)}`;

async function registerAs(email: string, name = 'Someone') {
  const reply = await t.anonymous.post('/api/auth/register', { email, name, password });
  expect(reply.status).toBe(201);
  return reply;
}

describe('handles', () => {
  it('come from the email at registration and are numbered when taken', async () => {
    const local = tag();
    const first = await registerAs(`${local}@one.test`);
    const second = await registerAs(`${local.toUpperCase()}@two.test`);
    const third = await registerAs(`${local}@three.test`);
    expect([first, second, third].map((r) => r.body.user.handle)).toEqual([
      local,
      `${local}-2`,
      `${local}-3`,
    ]);
    const dotted = await registerAs(`Jean.Dupont+${local}@x.test`);
    expect(dotted.body.user.handle).toBe(`jean.dupont.${local}`);
  });

  it('stay unique when many people with one local part sign up at once', async () => {
    const local = tag();
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.anonymous.post('/api/auth/register', { email: `${local}@d${i}.test`, name: 'Twin', password }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    const handles = replies.map((r) => r.body.user.handle as string);
    expect(new Set(handles).size).toBe(8);
    expect(handles).toContain(local);
  });

  it('show in /api/me and on every member of a project', async () => {
    const owner = await t.register('Owner');
    const me = (await owner.get('/api/me')).body.user;
    expect(me.handle).toMatch(/^owner\./);
    const other = await t.register('Other');
    await owner.post('/api/projects', { key: 'HND', name: 'Handles' });
    await owner.post('/api/projects/HND/members', { email: other.user!.email, roles: ['developer'] });
    const { items } = (await owner.get('/api/projects/HND/members')).body;
    const handles = items.map((m: { user: { handle: string } }) => m.user.handle).sort();
    expect(handles).toEqual([me.handle, (await other.get('/api/me')).body.user.handle].sort());
  });
});

describe('PATCH /api/me', () => {
  it('changes the name and the handle (lowercased), and the new handle is what others see', async () => {
    const ada = await t.register('Ada');
    const handle = `Ada.${tag()}`;
    const reply = await ada.patch('/api/me', { name: 'Ada Lovelace', handle: ` ${handle} ` });
    expect(reply.status).toBe(200);
    expect(reply.body.user).toMatchObject({
      name: 'Ada Lovelace',
      handle: handle.toLowerCase(),
      email: ada.user!.email,
    });
    expect((await ada.get('/api/me')).body.user).toMatchObject({
      name: 'Ada Lovelace',
      handle: handle.toLowerCase(),
    });
    // Keeping one's own handle is no conflict.
    expect((await ada.patch('/api/me', { handle: handle.toLowerCase() })).status).toBe(200);
  });

  it('refuses a handle someone else holds with 409, and a later sign-up from that local part gets another', async () => {
    const bob = await t.register('Bob');
    const taken = tag();
    expect((await bob.patch('/api/me', { handle: taken })).status).toBe(200);
    const eve = await t.register('Eve');
    const before = (await eve.get('/api/me')).body.user;
    expectRefusal(
      await eve.patch('/api/me', { handle: taken.toUpperCase(), name: 'Not applied' }),
      409,
      'conflict',
      'handle',
    );
    expect((await eve.get('/api/me')).body.user).toEqual(before);
    const late = await registerAs(`${taken}@late.test`);
    expect(late.body.user.handle).toBe(`${taken}-2`);
  });

  it('refuses a handle that cannot be one, an empty name and an empty body, naming the field', async () => {
    const cy = await t.register('Cy');
    for (const bad of ['', 'a b', '@cy', '.cy', 'cy!', 'x'.repeat(33)])
      expectInvalid(await cy.patch('/api/me', { handle: bad }), 'handle');
    expectInvalid(await cy.patch('/api/me', { name: '  ' }), 'name');
    expect((await cy.patch('/api/me', {})).status).toBe(400);
  });

  it('needs a session', async () => {
    expectRefusal(await t.anonymous.patch('/api/me', { name: 'Nobody' }), 401, 'unauthenticated');
  });
});
