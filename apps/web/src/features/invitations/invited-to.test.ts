import { describe, expect, it } from 'vitest';
import { invitedTo } from './invited-to';

describe('invitedTo', () => {
  it("lands a team's invitee on the team's backlog", () => {
    expect(invitedTo({ project: { key: 'WEB', name: 'Web shop' } })).toEqual({
      key: 'WEB',
      name: 'Web shop',
      path: '/projects/WEB/backlog',
      isProduct: false,
    });
  });

  it("lands a product's invitee on the product's roadmap", () => {
    expect(invitedTo({ product: { key: 'SHOP', name: 'The shop' } })).toEqual({
      key: 'SHOP',
      name: 'The shop',
      path: '/products/SHOP/roadmap',
      isProduct: true,
    });
  });

  it('knows nothing of an answer that names neither', () => {
    expect(invitedTo({})).toBeNull();
  });
});
