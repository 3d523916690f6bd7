import { STORY_POINTS } from '../schemas/story';

/**
 * An estimate on Ordo's scale: the nearest scale value (4 → 5, 6 → 5, 21 → 20; a tie goes to the larger,
 * the safer estimate). Negative or non-finite values have no sensible neighbour and are dropped (null).
 */
export function nearestPoints(value: number): number | null {
  if (!Number.isFinite(value) || value < 0) return null;
  let best: number = STORY_POINTS[0];
  for (const candidate of STORY_POINTS) {
    if (Math.abs(candidate - value) <= Math.abs(best - value)) best = candidate;
  }
  return best;
}
