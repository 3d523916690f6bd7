/**
 * Where an epic goes when the PM moves it one lane up (-1) or down (+1): the index it lands at, or null at
 * either end of the roadmap (and for an epic not on it).
 */
export function rankStep(order: readonly string[], id: string, step: -1 | 1): number | null {
  const from = order.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return null;
  return to;
}
