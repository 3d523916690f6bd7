import {
  forecastSprints,
  sprintEndDate,
  sprintPlan,
  velocityBasis,
  type Confidence,
  type SprintPlan,
  type VelocityBasis,
} from './forecast';
import { compareRanks } from './rank';
import type { Epic } from './schemas/epic';
import type { EpicForecast, EpicProgress, Roadmap, RoadmapEntry } from './schemas/roadmap';

/**
 * The derived roadmap: the PM's epics in roadmap order, each next to where the PO's backlog order and the
 * team's velocity actually land it.
 */

export interface RoadmapStory {
  id: string;
  epicId: string | null;
  points: number | null;
  rank: string;
  sprintId: string | null;
  /** In a status of the `done` category. */
  done: boolean;
}

export interface RoadmapSprint {
  id: string;
  state: 'planned' | 'active' | 'closed';
  startDate: string | null;
  endDate: string | null;
  committedPoints: number | null;
  completedPoints: number | null;
  completedAt: string | null;
}

export interface RoadmapInput {
  today: string;
  /** Stable per project (its id): with the velocity history it seeds the Monte Carlo. */
  seedKey: string;
  epics: readonly Epic[];
  /** The project's stories, deleted ones left out. */
  stories: readonly RoadmapStory[];
  /** Planned sprints in the order they were created. */
  sprints: readonly RoadmapSprint[];
  plannedVelocity: number | null;
  feedbackCounts: ReadonlyMap<string, number>;
}

/** Where an epic's last remaining story sits in the work queue. */
interface EpicFinish {
  queueIndex: number;
  /** Cumulative points of the queue up to and including that story. */
  position: number;
  /** Stories without an estimate up to there: they count as 0 points, so the forecast is optimistic. */
  unestimated: number;
}

/**
 * The work ahead in the order the team will do it: the active sprint's stories, then each planned sprint's
 * (earliest start first), then the backlog; by rank within each.
 */
export function workQueue(
  stories: readonly RoadmapStory[],
  sprints: readonly RoadmapSprint[],
): RoadmapStory[] {
  const planned = sprints
    .filter((s) => s.state === 'planned')
    .map((s, created) => ({ s, created }))
    .sort(
      (a, b) => (a.s.startDate ?? '\uffff').localeCompare(b.s.startDate ?? '\uffff') || a.created - b.created,
    );
  const group = new Map<string, number>(planned.map(({ s }, i) => [s.id, i + 1]));
  for (const s of sprints) if (s.state === 'active') group.set(s.id, 0);
  const backlog = planned.length + 1;
  return stories
    .filter((story) => !story.done)
    .map((story) => ({
      story,
      group: story.sprintId === null ? backlog : (group.get(story.sprintId) ?? backlog),
    }))
    .sort((a, b) => a.group - b.group || compareRanks(a.story.rank, b.story.rank))
    .map(({ story }) => story);
}

function epicFinishes(queue: readonly RoadmapStory[]): Map<string, EpicFinish> {
  const finishes = new Map<string, EpicFinish>();
  let position = 0;
  let unestimated = 0;
  queue.forEach((story, queueIndex) => {
    position += story.points ?? 0;
    if (story.points === null) unestimated++;
    if (story.epicId !== null) finishes.set(story.epicId, { queueIndex, position, unestimated });
  });
  return finishes;
}

export function progressByEpic(stories: readonly RoadmapStory[]): Map<string, EpicProgress> {
  const progress = new Map<string, EpicProgress>();
  for (const story of stories) {
    if (story.epicId === null) continue;
    const p = progress.get(story.epicId) ?? {
      donePoints: 0,
      totalPoints: 0,
      doneStories: 0,
      totalStories: 0,
    };
    const points = story.points ?? 0;
    p.totalPoints += points;
    p.totalStories++;
    if (story.done) {
      p.donePoints += points;
      p.doneStories++;
    }
    progress.set(story.epicId, p);
  }
  return progress;
}

export const lowerConfidence = (a: Confidence, b: Confidence): Confidence =>
  a === 'low' || b === 'low' ? 'low' : a === 'medium' ? a : b;

const noDates = { p50: null, p85: null, expected: null } as const;

interface Forecasts {
  basis: VelocityBasis;
  plan: SprintPlan;
  finishes: Map<string, EpicFinish>;
  sprintsOf: (epicId: string) => { expected: number | null; p50: number | null; p85: number | null };
}

function epicForecast(epicId: string, progress: EpicProgress, f: Forecasts): EpicForecast {
  const finish = f.finishes.get(epicId);
  if (progress.totalStories === 0) return { ...noDates, confidence: 'low', state: 'no_stories' };
  if (!finish) return { ...noDates, confidence: 'high', state: 'finished' };
  if (!f.basis.velocity) return { ...noDates, confidence: 'low', state: 'no_velocity' };
  const sprints = f.sprintsOf(epicId);
  const date = (sprint: number | null) => (sprint === null ? null : sprintEndDate(f.plan, sprint));
  return {
    p50: date(sprints.p50),
    p85: date(sprints.p85),
    expected: date(sprints.expected),
    confidence: lowerConfidence(f.basis.confidence, finish.unestimated > 0 ? 'low' : 'high'),
    state: sprints.p85 === null ? 'beyond_horizon' : 'forecast',
  };
}

export function isAtRisk(forecast: EpicForecast, target: string | null): boolean {
  if (target === null) return false;
  if (forecast.state === 'beyond_horizon') return true;
  return forecast.p85 !== null && forecast.p85 > target;
}

/** For each epic (in roadmap order), the later-placed epics whose last story the backlog reaches first. */
export function misalignments(
  ordered: readonly Epic[],
  finishes: ReadonlyMap<string, { queueIndex: number }>,
): string[][] {
  return ordered.map((epic, i) => {
    const mine = finishes.get(epic.id);
    if (!mine) return [];
    return ordered
      .slice(i + 1)
      .filter((later) => (finishes.get(later.id)?.queueIndex ?? Infinity) < mine.queueIndex)
      .map((later) => later.id);
  });
}

/** A team's velocity and its sprints ahead, from its sprint history and what its active sprint has done. */
export function teamVelocityPlan(
  input: Pick<RoadmapInput, 'today' | 'stories' | 'sprints' | 'plannedVelocity'>,
): { basis: VelocityBasis; plan: SprintPlan } {
  const active = input.sprints.find((s) => s.state === 'active') ?? null;
  const basis = velocityBasis({
    closedSprints: input.sprints.filter((s) => s.state === 'closed'),
    activeSprint: active,
    plannedVelocity: input.plannedVelocity,
  });
  const usedPoints = input.stories
    .filter((s) => s.done && active !== null && s.sprintId === active.id)
    .reduce((sum, s) => sum + (s.points ?? 0), 0);
  return { basis, plan: sprintPlan(input.today, basis, active, usedPoints) };
}

function forecasts(input: RoadmapInput, queue: readonly RoadmapStory[]): Forecasts {
  const { basis, plan } = teamVelocityPlan(input);
  const finishes = epicFinishes(queue);
  const ids = [...finishes.keys()];
  const sprints = forecastSprints(
    ids.map((id) => finishes.get(id)?.position ?? 0),
    basis,
    plan.usedPoints,
    input.seedKey,
  );
  const index = new Map(ids.map((id, i) => [id, i]));
  const sprintsOf = (epicId: string) => {
    const i = index.get(epicId) ?? -1;
    return {
      expected: sprints.expected[i] ?? null,
      p50: sprints.p50[i] ?? null,
      p85: sprints.p85[i] ?? null,
    };
  };
  return { basis, plan, finishes, sprintsOf };
}

export function buildRoadmap(input: RoadmapInput): Roadmap {
  const queue = workQueue(input.stories, input.sprints);
  const f = forecasts(input, queue);
  const progress = progressByEpic(input.stories);
  const ordered = [...input.epics].sort((a, b) => compareRanks(a.rank, b.rank));
  const misaligned = misalignments(ordered, f.finishes);
  const epics = ordered.map((epic, i): RoadmapEntry => {
    const p = progress.get(epic.id) ?? { donePoints: 0, totalPoints: 0, doneStories: 0, totalStories: 0 };
    const forecast = epicForecast(epic.id, p, f);
    return {
      epic,
      progress: p,
      planned: { start: epic.startDate, target: epic.targetDate },
      forecast,
      atRisk: isAtRisk(forecast, epic.targetDate),
      misalignedWith: misaligned[i] ?? [],
      feedbackCount: input.feedbackCounts.get(epic.id) ?? 0,
    };
  });
  const { samples, sprintLengthDays, source, confidence } = f.basis;
  return {
    velocity: f.basis.velocity,
    basis: { source, samples, sprintLengthDays, confidence, firstSprintEnd: f.plan.firstSprintEnd },
    backlogStart: {
      position: queue
        .filter((story) => story.sprintId !== null)
        .reduce((sum, story) => sum + (story.points ?? 0), 0),
      usedPoints: f.plan.usedPoints,
    },
    epics,
  };
}
