import type { Action } from '@ordo/domain';
import type { Client, TestApp } from '../harness';
import { newInviteeEmail } from '../invitation-helpers';
import { freshKey } from '../product-helpers';

/** What a product case may use to prepare its request, acting as the product's admin (the CPO). */
export interface ProductAuthzFixture {
  t: TestApp;
  /** `/api/products/KEY` */
  base: string;
  cpo: Client;
  teamA: string;
  /** A fresh epic of the product; returns its id. */
  newEpic(): Promise<string>;
  /** A fresh stakeholder of the product; returns their user id. */
  newMember(): Promise<string>;
  /** A fresh pending invitation to the product, sent by the CPO; returns its id. */
  newInvitation(): Promise<string>;
  /** A fresh feedback item of the product; returns its id. */
  newFeedback(): Promise<string>;
}

/**
 * One row of the product authorization matrix (`test/product-authorization.test.ts`): a route outside a
 * project, the policy action it needs on the product (null: any signed-in user), and a request that
 * succeeds for a caller allowed to do it.
 */
export interface ProductAuthzCase {
  route: string;
  action: Action | null;
  request(f: ProductAuthzFixture, caller: Client): Promise<{ path: string; body?: unknown }>;
}

const get = (route: string, action: Action | null, path: (f: ProductAuthzFixture) => string) => ({
  route,
  action,
  request: async (f: ProductAuthzFixture) => ({ path: path(f) }),
});

export const productCases: ProductAuthzCase[] = [
  {
    route: 'POST /api/products',
    action: null,
    request: async () => ({ path: '/api/products', body: { key: freshKey('N'), name: 'New product' } }),
  },
  get('GET /api/products', null, () => '/api/products'),
  get('GET /api/portfolio', null, () => '/api/portfolio'),
  get('GET /api/products/{product}', 'product.read', (f) => f.base),
  get('GET /api/products/{product}/roadmap', 'product.read', (f) => `${f.base}/roadmap`),
  get('GET /api/products/{product}/members', 'product.read', (f) => `${f.base}/members`),
  {
    route: 'POST /api/products/{product}/teams',
    action: 'product.manage',
    // A project of the caller's own (its product's admin), so an allowed caller is admin of both.
    request: async (f, caller) => {
      const key = freshKey('M');
      await caller.post('/api/projects', { key, name: 'Moving in' });
      return { path: `${f.base}/teams`, body: { project: key } };
    },
  },
  {
    route: 'POST /api/products/{product}/members',
    action: 'product.manage',
    request: async (f) => ({
      path: `${f.base}/members`,
      body: { email: (await f.t.register('Joining')).user!.email, roles: ['stakeholder'] },
    }),
  },
  {
    route: 'PATCH /api/products/{product}/members/{userId}',
    action: 'product.manage',
    request: async (f) => ({
      path: `${f.base}/members/${await f.newMember()}`,
      body: { roles: ['product_manager'] },
    }),
  },
  {
    route: 'DELETE /api/products/{product}/members/{userId}',
    action: 'product.manage',
    request: async (f) => ({ path: `${f.base}/members/${await f.newMember()}` }),
  },
  get('GET /api/products/{product}/epics', 'product.read', (f) => `${f.base}/epics`),
  {
    route: 'POST /api/products/{product}/epics',
    action: 'epic.manage',
    request: async (f) => ({ path: `${f.base}/epics`, body: { title: 'Matrix epic' } }),
  },
  {
    route: 'GET /api/products/{product}/epics/{epic}',
    action: 'product.read',
    request: async (f) => ({ path: `${f.base}/epics/${await f.newEpic()}` }),
  },
  {
    route: 'PATCH /api/products/{product}/epics/{epic}',
    action: 'epic.manage',
    request: async (f) => ({ path: `${f.base}/epics/${await f.newEpic()}`, body: { title: 'Renamed' } }),
  },
  {
    route: 'DELETE /api/products/{product}/epics/{epic}',
    action: 'epic.manage',
    request: async (f) => ({ path: `${f.base}/epics/${await f.newEpic()}` }),
  },
  {
    route: 'POST /api/products/{product}/roadmap/rank',
    action: 'roadmap.rank',
    request: async (f) => ({
      path: `${f.base}/roadmap/rank`,
      body: { epic: await f.newEpic(), before: await f.newEpic() },
    }),
  },
  {
    route: 'PUT /api/products/{product}/vision',
    action: 'vision.edit',
    request: async (f) => ({ path: `${f.base}/vision`, body: { vision: 'One tap checkout' } }),
  },
  get('GET /api/products/{product}/feedback', 'product.read', (f) => `${f.base}/feedback`),
  {
    route: 'POST /api/products/{product}/feedback',
    action: 'feedback.submit',
    request: async (f) => ({ path: `${f.base}/feedback`, body: { body: 'From the matrix' } }),
  },
  {
    route: 'PATCH /api/products/{product}/feedback/{id}',
    action: 'feedback.triage',
    request: async (f) => ({ path: `${f.base}/feedback/${await f.newFeedback()}`, body: { done: true } }),
  },
  {
    route: 'POST /api/products/{product}/invitations',
    action: 'product.manage',
    request: async (f) => ({
      path: `${f.base}/invitations`,
      body: { email: newInviteeEmail(), roles: ['stakeholder'] },
    }),
  },
  get('GET /api/products/{product}/invitations', 'product.manage', (f) => `${f.base}/invitations`),
  {
    route: 'DELETE /api/products/{product}/invitations/{id}',
    action: 'product.manage',
    request: async (f) => ({ path: `${f.base}/invitations/${await f.newInvitation()}` }),
  },
];
