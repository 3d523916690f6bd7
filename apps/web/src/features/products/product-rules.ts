import { can } from '@ordo/domain';

interface MyProduct {
  key: string;
  roles: readonly string[];
}
interface MyProject {
  key: string;
  name: string;
  product: { key: string; name: string };
}
interface Person {
  user: { id: string; name: string; email: string };
}

/** The products I run: those whose members and teams I may manage (the policy's `product.manage`). */
export const managedProducts = <P extends MyProduct>(products: readonly P[]): P[] =>
  products.filter((p) => can(p.roles, 'product.manage'));

/**
 * The projects I may move into `productKey`: the API asks for admin of both products, so those of my
 * projects that sit in another product I run. (Admin of the target is the page's own check.)
 */
export function movableTeams<T extends MyProject>(
  projects: readonly T[],
  products: readonly MyProduct[],
  productKey: string,
): T[] {
  const running = new Set(managedProducts(products).map((p) => p.key));
  return projects
    .filter((p) => p.product.key !== productKey && running.has(p.product.key))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The people of the product's teams who hold no product role yet, each once, by name: who to add by a pick. */
export function peopleToAdd(
  teams: readonly (readonly Person[])[],
  productMembers: readonly Person[],
): Person['user'][] {
  const members = new Set(productMembers.map((m) => m.user.id));
  const people = new Map<string, Person['user']>();
  for (const person of teams.flat()) {
    if (!members.has(person.user.id)) people.set(person.user.id, person.user);
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}
