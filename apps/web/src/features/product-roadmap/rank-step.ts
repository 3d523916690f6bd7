import { moveItem, placementFor } from '../backlog/backlog-order';

/**
 * Where an epic goes when the PM moves it one lane up (-1) or down (+1): the `{before|after}` of a roadmap
 * rank request, or null at either end of the roadmap.
 */
export function rankStep(order: readonly string[], id: string, step: -1 | 1) {
  const from = order.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return null;
  return placementFor(moveItem(order, from, to), id);
}
