import { z } from 'zod';
import { CONFIDENCES, VELOCITY_SOURCES } from '../forecast';
import { id, isoDate } from './common';
import { epic } from './epic';

/**
 * Why a forecast has the dates it has: `forecast` (dates from the backlog and velocity), `finished` (every
 * story done, nothing to forecast), `no_stories`, `no_velocity` (no closed sprint, no commitment, no planned
 * velocity), `beyond_horizon` (the P85 day lies past the forecast horizon).
 */
export const FORECAST_STATES = [
  'forecast',
  'finished',
  'no_stories',
  'no_velocity',
  'beyond_horizon',
] as const;
export type ForecastState = (typeof FORECAST_STATES)[number];

export const epicForecast = z.object({
  p50: isoDate.nullable(),
  p85: isoDate.nullable(),
  /** The deterministic walk at the average velocity. */
  expected: isoDate.nullable(),
  confidence: z.enum(CONFIDENCES),
  state: z.enum(FORECAST_STATES),
});
export type EpicForecast = z.infer<typeof epicForecast>;

export const epicProgress = z.object({
  donePoints: z.number().int(),
  totalPoints: z.number().int(),
  doneStories: z.number().int(),
  totalStories: z.number().int(),
});
export type EpicProgress = z.infer<typeof epicProgress>;

export const roadmapEntry = z.object({
  epic,
  progress: epicProgress,
  planned: z.object({ start: isoDate.nullable(), target: isoDate.nullable() }),
  forecast: epicForecast,
  atRisk: z.boolean(),
  /** Epics the roadmap puts after this one that the backlog order finishes before it. */
  misalignedWith: z.array(id),
  feedbackCount: z.number().int(),
});
export type RoadmapEntry = z.infer<typeof roadmapEntry>;

export const forecastBasis = z.object({
  source: z.enum(VELOCITY_SOURCES),
  /** The sprint velocities drawn from, most recent first. */
  samples: z.array(z.number()),
  sprintLengthDays: z.number().int(),
  confidence: z.enum(CONFIDENCES),
  /** The day the first forecast sprint (the active one, if any) ends. */
  firstSprintEnd: isoDate,
});

export const roadmapResponse = z.object({
  /** Average points per sprint the forecast assumes; null when nothing says how fast the team goes. */
  velocity: z.number().nullable(),
  basis: forecastBasis,
  /**
   * Where the backlog starts in the work queue: the points of the active and planned sprints' open stories
   * ahead of it, and what the active sprint has delivered already (its spent velocity).
   */
  backlogStart: z.object({ position: z.number(), usedPoints: z.number() }),
  epics: z.array(roadmapEntry),
});
export type Roadmap = z.infer<typeof roadmapResponse>;
