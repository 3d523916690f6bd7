import { describe, expect, it } from 'vitest';
import { drawerPath } from './story-link';

describe('drawerPath', () => {
  it('opens the story over the view on screen when it is of the story’s project, its filters kept', () => {
    expect(drawerPath({ pathname: '/projects/SHOP/board', search: '?lanes=epic' }, 'SHOP', 'SHOP-4')).toBe(
      '/projects/SHOP/board?lanes=epic&story=SHOP-4',
    );
    expect(
      drawerPath({ pathname: '/projects/SHOP/stories', search: '?story=SHOP-1' }, 'SHOP', 'SHOP-4'),
    ).toBe('/projects/SHOP/stories?story=SHOP-4');
  });

  it('opens it over its own backlog from another project, a story page or the project list', () => {
    const backlog = '/projects/SHOP/backlog?story=SHOP-4';
    expect(drawerPath({ pathname: '/projects/WEB/board', search: '?lanes=epic' }, 'SHOP', 'SHOP-4')).toBe(
      backlog,
    );
    expect(drawerPath({ pathname: '/projects/SHOP/stories/SHOP-2', search: '' }, 'SHOP', 'SHOP-4')).toBe(
      backlog,
    );
    expect(drawerPath({ pathname: '/projects', search: '' }, 'SHOP', 'SHOP-4')).toBe(backlog);
  });
});
