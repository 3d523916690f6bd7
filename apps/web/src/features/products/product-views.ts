/** A product's views, in the order its navigation lists them: path segment and label. */
export const PRODUCT_VIEWS = [
  ['roadmap', 'Roadmap'],
  ['feedback', 'Feedback'],
  ['teams', 'Teams'],
  ['members', 'Members'],
] as const;

/**
 * Where picking `productKey` in the switcher leads: the same view of that product when a product view is
 * open (the feedback of one product → the feedback of the other), else its roadmap.
 */
export function productViewPath(pathname: string, productKey: string): string {
  const [, section, , view] = pathname.split('/');
  const same = section === 'products' && PRODUCT_VIEWS.some(([path]) => path === view);
  return `/products/${encodeURIComponent(productKey)}/${same ? view : 'roadmap'}`;
}
