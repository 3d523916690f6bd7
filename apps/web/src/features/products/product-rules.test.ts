import { describe, expect, it } from 'vitest';
import { managedProducts, movableTeams, peopleToAdd } from './product-rules';

const product = (key: string, roles: string[]) => ({ key, roles });
const project = (key: string, productKey: string) => ({
  key,
  name: `Team ${key}`,
  product: { key: productKey, name: productKey },
});
const person = (id: string, name: string) => ({ user: { id, name, email: `${id}@x.test` } });

describe('managedProducts', () => {
  it('keeps the products whose admin I am, whatever else I hold', () => {
    const mine = [
      product('SHOP', ['product_manager']),
      product('APP', ['stakeholder', 'admin']),
      product('OPS', ['product_owner', 'developer']),
    ];
    expect(managedProducts(mine).map((p) => p.key)).toEqual(['APP']);
  });

  it('grants nothing for roles it does not know', () => {
    expect(managedProducts([product('X', ['owner', 'root'])])).toEqual([]);
  });
});

describe('movableTeams', () => {
  const products = [product('SHOP', ['admin']), product('OLD', ['admin']), product('PAY', ['stakeholder'])];

  it("offers my projects of other products I run, never the target's own teams", () => {
    const projects = [
      project('WEB', 'SHOP'),
      project('LEGACY', 'OLD'),
      project('CARD', 'PAY'),
      project('API', 'OLD'),
    ];
    expect(movableTeams(projects, products, 'SHOP').map((p) => p.key)).toEqual(['API', 'LEGACY']);
  });

  it('offers nothing when I run no other product', () => {
    expect(movableTeams([project('WEB', 'SHOP'), project('CARD', 'PAY')], products, 'SHOP')).toEqual([]);
  });
});

describe('peopleToAdd', () => {
  it('lists each person of the teams once, by name, without the product members', () => {
    const teams = [
      [person('u1', 'Zoe'), person('u2', 'Ana')],
      [person('u2', 'Ana'), person('u3', 'Max')],
    ];
    expect(peopleToAdd(teams, [person('u3', 'Max')]).map((u) => u.name)).toEqual(['Ana', 'Zoe']);
  });

  it('is empty without teams', () => {
    expect(peopleToAdd([], [])).toEqual([]);
  });
});
