import type { Role } from '@ordo/domain';

/** Not SHOP, the contract's example key, which people trying Ordo will want for their own project. */
export const DEMO_KEY = 'DEMO';
export const DEMO_PASSWORD = 'ordo-demo-2026';

/** One person per role, so every view of Ordo can be tried from the demo. */
export const DEMO_PEOPLE: { email: string; name: string; roles: Role[] }[] = [
  { email: 'admin@ordo.dev', name: 'Ines Admin', roles: ['admin'] },
  { email: 'po@ordo.dev', name: 'Ana PO', roles: ['product_owner'] },
  { email: 'pm@ordo.dev', name: 'Paul PM', roles: ['product_manager'] },
  { email: 'sm@ordo.dev', name: 'Sam SM', roles: ['scrum_master'] },
  { email: 'dev@ordo.dev', name: 'Dana Dev', roles: ['developer'] },
  { email: 'dev2@ordo.dev', name: 'Leo Dev', roles: ['developer'] },
  { email: 'client@ordo.dev', name: 'Cleo Client', roles: ['stakeholder'] },
];

const THEMES = [
  ['shopper', 'search the catalogue by name', 'I find a product quickly'],
  ['shopper', 'filter products by price', 'I stay within my budget'],
  ['shopper', 'save items to a wishlist', 'I can buy them later'],
  ['shopper', 'see delivery dates before I pay', 'I know when it arrives'],
  ['shopper', 'pay with a saved card', 'checkout takes seconds'],
  ['shopper', 'track my order', 'I know where my parcel is'],
  ['shopper', 'return an item online', 'I need not call support'],
  ['store manager', 'see low-stock alerts', 'I reorder in time'],
  ['store manager', 'export the sales report', 'finance gets the numbers'],
  ['support agent', 'look up an order by email', 'I answer customers fast'],
] as const;
const VARIANTS = ['on mobile', 'on desktop', 'for guests', 'for members'] as const;
const POINTS = [1, 2, 3, 5, 8, 3, 2, 5, 13, 1] as const;

/** About forty stories of a web shop's backlog, with estimates and acceptance criteria. */
export function demoStories() {
  return THEMES.flatMap(([persona, goal, benefit], t) =>
    VARIANTS.map((variant, v) => ({
      title: `${goal[0]!.toUpperCase()}${goal.slice(1)} ${variant}`,
      type: v === 3 && t % 3 === 0 ? 'bug' : 'story',
      persona,
      goal: `${goal} ${variant}`,
      benefit,
      acceptanceCriteria: t % 4 === 3 ? [] : [`Works ${variant}`, 'Covered by an automated test'],
      points: (t + v) % 5 === 4 ? null : POINTS[(t + v) % POINTS.length]!,
      labels: [t < 7 ? 'storefront' : 'back-office', ...(v < 2 ? [variant.replace('on ', '')] : [])],
    })),
  );
}
