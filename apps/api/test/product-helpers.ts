import { expect } from 'vitest';
import type { Client, TestApp } from './harness';

let counter = 0;
/** A fresh key: a letter and up to 9 capitals or digits. */
export const freshKey = (prefix: string) =>
  `${prefix}${Date.now().toString(36).toUpperCase().slice(-5)}${(counter++).toString(36).toUpperCase()}`.slice(
    0,
    10,
  );

/**
 * A product with two teams, A and B: the CPO (product admin) made both; a product PM and a product
 * stakeholder hold in both; each team has its own PO and developer; an outsider has no part in it.
 */
export async function twoTeamProduct(t: TestApp) {
  const cpo = await t.register('CPO');
  const product = freshKey('P');
  expect((await cpo.post('/api/products', { key: product, name: `Product ${product}` })).status).toBe(201);
  const people = {
    pm: await t.register('PM'),
    stakeholder: await t.register('Stakeholder'),
    poA: await t.register('PO A'),
    devA: await t.register('Dev A'),
    poB: await t.register('PO B'),
    devB: await t.register('Dev B'),
    outsider: await t.register('Outsider'),
  };
  for (const [who, roles] of [
    ['pm', ['product_manager']],
    ['stakeholder', ['stakeholder']],
  ] as const) {
    const added = await cpo.post(`/api/products/${product}/members`, {
      email: people[who].user!.email,
      roles,
    });
    expect(added.status).toBe(201);
  }
  const teams: string[] = [];
  for (const [po, dev] of [
    [people.poA, people.devA],
    [people.poB, people.devB],
  ] as [Client, Client][]) {
    const key = freshKey('T');
    const created = await cpo.post('/api/projects', { key, name: `Team ${key}`, product });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const [member, roles] of [
      [po, ['product_owner']],
      [dev, ['developer']],
    ] as const)
      expect(
        (await cpo.post(`/api/projects/${key}/members`, { email: member.user!.email, roles })).status,
      ).toBe(201);
    teams.push(key);
  }
  return { product, cpo, ...people, teamA: teams[0]!, teamB: teams[1]! };
}
export type TwoTeamProduct = Awaited<ReturnType<typeof twoTeamProduct>>;
