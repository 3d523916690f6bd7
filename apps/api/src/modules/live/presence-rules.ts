import type { LiveUser } from '@ordo/domain';

/** Everyone in any of the sets, once each, in a stable order (by name, then id) for the avatars. */
export function mergeUsers(sets: Iterable<Iterable<LiveUser>>): LiveUser[] {
  const byId = new Map<string, LiveUser>();
  for (const set of sets) for (const user of set) byId.set(user.id, user);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export const sameUsers = (a: readonly LiveUser[], b: readonly LiveUser[]) =>
  a.length === b.length && a.every((user, i) => user.id === b[i]!.id);

/** Instances that have not said anything for this long are taken for dead and their viewers dropped. */
export const isSilent = (lastHeard: number, now: number, heartbeatMs: number) =>
  now - lastHeard > 3 * heartbeatMs;
