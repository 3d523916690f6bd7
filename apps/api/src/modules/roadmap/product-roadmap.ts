import type { Db } from '@ordo/db';
import { buildProductRoadmap, type Epic, type ProductRoadmap, type RoadmapDependency } from '@ordo/domain';
import { blocksLinks, loadTeamInput, type TeamProject } from '../../lib/team-forecast';

export interface ProductRoadmapSource {
  teams: readonly TeamProject[];
  epics: readonly Epic[];
  feedbackCounts: ReadonlyMap<string, number>;
  /** The teams whose stories the reader may read (a team role there, or any product role). */
  readable: ReadonlySet<string>;
}

/**
 * The product's roadmap as `source.readable` may see it: a story of a team the reader is not in is named
 * only by its team (`story` or `blocks` null), never by key or title.
 */
export async function productRoadmap(
  db: Db,
  source: ProductRoadmapSource,
  today: string,
): Promise<ProductRoadmap> {
  const [teams, blocks] = await Promise.all([
    Promise.all(source.teams.map((team) => loadTeamInput(db, team))),
    blocksLinks(
      db,
      source.teams.map((t) => t.id),
    ),
  ]);
  const roadmap = buildProductRoadmap({
    today,
    epics: source.epics,
    teams,
    blocks,
    feedbackCounts: source.feedbackCounts,
  });
  const readableKeys = new Set(source.teams.filter((t) => source.readable.has(t.id)).map((t) => t.key));
  const redact = (d: RoadmapDependency): RoadmapDependency => ({
    ...d,
    story: readableKeys.has(d.projectKey) ? d.story : null,
    blocks: readableKeys.has(d.blocksProjectKey) ? d.blocks : null,
  });
  return {
    ...roadmap,
    epics: roadmap.epics.map((entry) => ({
      ...entry,
      dependencies: entry.dependencies.map(redact),
      blockedBy: entry.blockedBy.map(redact),
    })),
  };
}
