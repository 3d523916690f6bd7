import { describe, expect, it } from 'vitest';
import { useTeam, type Team, type TestApp } from './harness';
import { expectInvalid, expectRefusal } from './expect';

let t: TestApp, team: Team, base: string;
useTeam((file) => ({ t, team, base } = file));

describe('projects', () => {
  it('creates a project whose creator is admin, with the default workflow', async () => {
    const owner = await t.register('Founder');
    const created = await owner.post('/api/projects', {
      key: 'SHOP',
      name: 'Web shop',
      description: 'Our shop',
    });
    expect(created.status).toBe(201);
    expect(created.body.project).toMatchObject({
      key: 'SHOP',
      name: 'Web shop',
      description: 'Our shop',
      vision: '',
    });
    const detail = await owner.get('/api/projects/SHOP');
    expect(detail.body.roles).toEqual(['admin']);
    expect(
      detail.body.statuses.map((s: { name: string; category: string }) => `${s.name}:${s.category}`),
    ).toEqual(['To Do:todo', 'In Progress:in_progress', 'In Review:in_progress', 'Done:done']);
    expect((await owner.get('/api/projects')).body.items.map((p: { key: string }) => p.key)).toEqual([
      'SHOP',
    ]);
  });

  it('refuses a taken key and a malformed one', async () => {
    const someone = await t.register('Copycat');
    expectRefusal(
      await someone.post('/api/projects', { key: team.key, name: 'Mine' }),
      409,
      'conflict',
      'key',
    );
    expectInvalid(await someone.post('/api/projects', { key: 'shop', name: 'Lowercase' }), 'key');
    expectInvalid(await someone.post('/api/projects', { key: 'S', name: 'Too short' }), 'key');
    expectInvalid(await someone.post('/api/projects', { key: 'ABCDEFGHIJK', name: 'Too long' }), 'key');
    expectInvalid(await someone.post('/api/projects', { key: 'OKAY' }), 'name');
  });

  it('tells a non-member nothing: 404 for a project that exists and one that does not', async () => {
    const existing = await team.outsider.get(base);
    const missing = await team.outsider.get('/api/projects/NOPE');
    expectRefusal(existing, 404, 'not_found');
    expect(existing.body).toEqual(missing.body);
  });

  it('lets the SM edit settings and the PM the vision, each in the log', async () => {
    expect((await team.sm.patch(base, { name: 'Renamed' })).body.project.name).toBe('Renamed');
    expectInvalid(await team.sm.patch(base, { unknown: 'dropped' }), 'say what to change');
    expect((await team.pm.put(`${base}/vision`, { vision: 'Buy in one tap' })).body.project.vision).toBe(
      'Buy in one tap',
    );
    expect((await team.stakeholder.get(base)).body.project).toMatchObject({
      name: 'Renamed',
      vision: 'Buy in one tap',
    });
    const events = (await team.po.get(`${base}/events?limit=1000`)).body.items.map(
      (e: { type: string }) => e.type,
    );
    expect(events.slice(-2)).toEqual(['project.updated', 'project.vision_updated']);
    expect((await team.po.put(`${base}/vision`, { vision: 'Mine' })).body.error.message).toBe(
      'Only the Product Manager can edit the product vision',
    );
  });
});

describe('members', () => {
  it('lists members with their roles', async () => {
    const members = (await team.stakeholder.get(`${base}/members`)).body.items;
    expect(members).toHaveLength(6);
    expect(members.find((m: { user: { id: string } }) => m.user.id === team.pm.user!.id).roles).toEqual([
      'product_manager',
    ]);
  });

  it('lets the PO add, change and remove members, who then lose access', async () => {
    const newcomer = await t.register('Newcomer');
    const added = await team.po.post(`${base}/members`, {
      email: newcomer.user!.email,
      roles: ['developer', 'scrum_master'],
    });
    expect(added.status).toBe(201);
    expect(added.body.member.roles).toEqual(['developer', 'scrum_master']);
    expect((await newcomer.get(base)).body.roles).toEqual(['developer', 'scrum_master']);
    const changed = await team.po.patch(`${base}/members/${newcomer.user!.id}`, { roles: ['stakeholder'] });
    expect(changed.body.member.roles).toEqual(['stakeholder']);
    expect((await team.po.delete(`${base}/members/${newcomer.user!.id}`)).status).toBe(204);
    expectRefusal(await newcomer.get(base), 404, 'not_found');
  });

  it('refuses unknown accounts, double membership, empty or unknown roles', async () => {
    expectInvalid(
      await team.po.post(`${base}/members`, { email: 'nobody@nowhere.dev', roles: ['developer'] }),
      'email',
    );
    expectRefusal(
      await team.po.post(`${base}/members`, { email: team.dev.user!.email, roles: ['developer'] }),
      409,
      'conflict',
    );
    expectInvalid(await team.po.patch(`${base}/members/${team.dev.user!.id}`, { roles: [] }), 'roles');
    expectInvalid(await team.po.patch(`${base}/members/${team.dev.user!.id}`, { roles: ['owner'] }), 'roles');
    expectRefusal(
      await team.po.patch(`${base}/members/${team.outsider.user!.id}`, { roles: ['developer'] }),
      404,
      'not_found',
    );
  });

  it('keeps the admin role for admins to grant, and always one admin', async () => {
    const promoted = await team.po.patch(`${base}/members/${team.dev.user!.id}`, { roles: ['admin'] });
    expectRefusal(promoted, 403, 'forbidden');
    expectRefusal(await team.admin.delete(`${base}/members/${team.admin.user!.id}`), 409, 'conflict');
    expectRefusal(
      await team.admin.patch(`${base}/members/${team.admin.user!.id}`, { roles: ['developer'] }),
      409,
      'conflict',
    );
    expect((await team.admin.get(base)).body.roles).toEqual(['admin']);
  });
});
