import type { Roadmap } from '@ordo/domain';

/**
 * The last roadmap built for each project, kept by this instance with the version of what it was built
 * from (`roadmapVersion`: the day, the product, the planned velocity, and the event seq of every team of
 * the product, which every write to stories, sprints, workflow, epics and feedback bumps). A request whose
 * version matches gets it without reading 50,000 stories again; any write anywhere (any instance) changes
 * the version, and the next request rebuilds. Concurrent requests for one version share one build.
 */
export class RoadmapCache {
  private readonly entries = new Map<string, { version: string; roadmap: Promise<Roadmap> }>();

  constructor(private readonly size = 64) {}

  get(projectId: string, version: string, build: () => Promise<Roadmap>): Promise<Roadmap> {
    const hit = this.entries.get(projectId);
    this.entries.delete(projectId);
    if (hit?.version === version) {
      this.entries.set(projectId, hit);
      return hit.roadmap;
    }
    const roadmap = build();
    const entry = { version, roadmap };
    this.entries.set(projectId, entry);
    // A failed build is not kept; the oldest entry makes room.
    roadmap.catch(() => this.entries.get(projectId) === entry && this.entries.delete(projectId));
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return roadmap;
  }
}
