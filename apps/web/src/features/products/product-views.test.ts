import { describe, expect, it } from 'vitest';
import { productViewPath } from './product-views';

describe('productViewPath', () => {
  it('keeps the open product view when switching products', () => {
    expect(productViewPath('/products/SHOP/feedback', 'APP')).toBe('/products/APP/feedback');
    expect(productViewPath('/products/SHOP/members', 'APP')).toBe('/products/APP/members');
  });

  it('opens the roadmap from anywhere else, or from a view it does not know', () => {
    expect(productViewPath('/projects/WEB/backlog', 'APP')).toBe('/products/APP/roadmap');
    expect(productViewPath('/portfolio', 'APP')).toBe('/products/APP/roadmap');
    expect(productViewPath('/products/SHOP/settings', 'APP')).toBe('/products/APP/roadmap');
    expect(productViewPath('/projects/WEB/feedback', 'APP')).toBe('/products/APP/roadmap');
  });
});
