import type { RoadmapDependency } from '@ordo/domain';
import { formatDay } from '../../shared/ui/format';

/** A story the reader may not read is named only as a story of its team, never by key or title. */
export const blockerName = (d: RoadmapDependency) => d.story ?? `a story of team ${d.projectKey}`;
export const blockedName = (d: RoadmapDependency) => d.blocks ?? `a story of team ${d.blocksProjectKey}`;

/**
 * What a dependency marker says on hover: who waits for whom, and for a conflict why it is one and what
 * either PO can do about it.
 */
export function dependencyText(d: RoadmapDependency): string {
  const blocker = blockerName(d);
  const blocked = blockedName(d);
  const finishes = d.finishes ? `on ${formatDay(d.finishes)}` : 'beyond the forecast horizon';
  if (!d.conflict) return `${blocked} waits for ${blocker} (${d.projectKey}), done ${finishes}.`;
  const lands = d.lands ? formatDay(d.lands) : 'its sprint';
  return (
    `Dependency conflict: ${blocker} blocks ${blocked}, but ${d.projectKey}'s order finishes it ${finishes}, ` +
    `after ${d.blocksProjectKey}'s order lands ${blocked} (${lands}). ` +
    `Rank it higher in ${d.projectKey}, or ${blocked} lower in ${d.blocksProjectKey}.`
  );
}
