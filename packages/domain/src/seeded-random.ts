/**
 * A small seeded PRNG, so the forecast's Monte Carlo gives the same answer for the same data on every
 * machine and every request. Not for anything secret.
 */

/** FNV-1a: a stable 32-bit hash of a string, used to derive seeds. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: uniform numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The generator of one numbered stream of a seed (one Monte Carlo trial). */
export const streamOf = (seed: number, stream: number) =>
  mulberry32(seed ^ Math.imul(stream + 1, 0x9e3779b9));
