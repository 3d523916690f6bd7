import type { Db } from '@ordo/db';
import { dependencyConflicts, todayUtc, type StoryLink } from '@ordo/domain';
import { blocksLinks, loadTeamInput } from './queries';
import { teamsOfProductOf } from './product-teams';

/**
 * Marks the `blocks` links of story `key` that are dependency conflicts: the blocker's team finishes it after
 * the blocked story's team lands it. Both stories show it. Costs the product's forecast inputs, so it is
 * only computed when the story has an open `blocks` link.
 */
export async function markConflicts(
  db: Db,
  projectId: string,
  key: string,
  links: readonly Omit<StoryLink, 'conflict'>[],
): Promise<StoryLink[]> {
  const unmarked = links.map((link) => ({ ...link, conflict: false }));
  if (!links.some((l) => l.type === 'blocks' && !l.story.done)) return unmarked;
  const teams = await teamsOfProductOf(db, projectId);
  const [inputs, blocks] = await Promise.all([
    Promise.all(teams.map((team) => loadTeamInput(db, team))),
    blocksLinks(
      db,
      teams.map((t) => t.id),
    ),
  ]);
  const conflicts = dependencyConflicts({
    today: todayUtc(),
    epics: [],
    teams: inputs,
    blocks,
    feedbackCounts: new Map(),
  });
  const pairs = new Set(conflicts.map((c) => `${c.story}>${c.blocks}`));
  return unmarked.map((link) => {
    if (link.type !== 'blocks') return link;
    const pair = link.direction === 'outward' ? `${key}>${link.story.key}` : `${link.story.key}>${key}`;
    return { ...link, conflict: pairs.has(pair) };
  });
}
