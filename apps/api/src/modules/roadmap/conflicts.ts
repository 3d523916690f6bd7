import type { Db, Tx } from '@ordo/db';
import type { StoryLink } from '@ordo/domain';
import { productConflicts, teamsOfProductOf } from '../../lib/team-forecast';

/**
 * Marks the `blocks` links of story `key` that are dependency conflicts: the blocker's team finishes it after
 * the blocked story's team lands it. Both stories show it. Costs the product's forecast inputs, so it is
 * only computed when the story has an open `blocks` link.
 */
export async function markConflicts(
  db: Db | Tx,
  projectId: string,
  key: string,
  links: readonly Omit<StoryLink, 'conflict'>[],
  today: string,
): Promise<StoryLink[]> {
  const unmarked = links.map((link) => ({ ...link, conflict: false }));
  if (!links.some((l) => l.type === 'blocks' && !l.story.done)) return unmarked;
  const conflicts = await productConflicts(db, await teamsOfProductOf(db, projectId), today);
  const pairs = new Set([...conflicts.values()].map((c) => `${c.story}>${c.blocks}`));
  return unmarked.map((link) => {
    if (link.type !== 'blocks') return link;
    const pair = link.direction === 'outward' ? `${key}>${link.story.key}` : `${link.story.key}>${key}`;
    return { ...link, conflict: pairs.has(pair) };
  });
}
