import { z } from 'zod';
import { id, projectKey } from './common';
import { epicForecast, epicProgress, forecastBasis, roadmapEntry } from './roadmap';

/** One team's part of an epic: its stories in that team, forecast from that team's order and velocity. */
export const teamPart = z.object({
  key: z.string(),
  progress: epicProgress,
  forecast: epicForecast,
  atRisk: z.boolean(),
  /** Epics the roadmap puts after this one that this team's order finishes before it. */
  misalignedWith: z.array(id),
});
export type TeamPart = z.infer<typeof teamPart>;

/**
 * A `blocks` link into one of the epic's open stories. `story` is the blocker's key and `blocks` the blocked
 * story's; either is null when the caller cannot read that story's team ("a story of another team"). `conflict`: the blocker's own team finishes it
 * (`finishes`, null = not within the horizon) after the sprint its order lands the blocked story in (`lands`).
 */
export const roadmapDependency = z.object({
  story: z.string().nullable(),
  projectKey: z.string(),
  epicId: id.nullable(),
  blocks: z.string().nullable(),
  blocksProjectKey: z.string(),
  conflict: z.boolean(),
  finishes: z.iso.date().nullable(),
  lands: z.iso.date().nullable(),
});
export type RoadmapDependency = z.infer<typeof roadmapDependency>;

export const productRoadmapEntry = roadmapEntry.extend({
  teams: z.array(teamPart),
  dependencies: z.array(roadmapDependency),
  /** The dependency conflicts among `dependencies`. */
  blockedBy: z.array(roadmapDependency),
});
export type ProductRoadmapEntry = z.infer<typeof productRoadmapEntry>;

export const productRoadmapTeam = z.object({
  key: z.string(),
  name: z.string(),
  velocity: z.number().nullable(),
  basis: forecastBasis,
});

export const productRoadmapResponse = z.object({
  teams: z.array(productRoadmapTeam),
  epics: z.array(productRoadmapEntry),
});
export type ProductRoadmap = z.infer<typeof productRoadmapResponse>;

export const productRoadmapParams = z.object({ product: projectKey });
