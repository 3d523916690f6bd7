import { addDays, daysBetween } from './dates';
import {
  expectedSprint,
  HORIZON_SPRINTS,
  MONTE_CARLO_TRIALS,
  percentile,
  runTrial,
  type Confidence,
  type SprintPlan,
  type VelocityBasis,
} from './forecast';
import { compareRanks } from './rank';
import {
  isAtRisk,
  lowerConfidence,
  misalignments,
  progressByEpic,
  teamVelocityPlan,
  workQueue,
  type RoadmapSprint,
  type RoadmapStory,
} from './roadmap';
import { blockersInOrder, type BlocksLink } from './roadmap-dependencies';
import { hashString, streamOf } from './seeded-random';
import type { Epic } from './schemas/epic';
import type { EpicForecast, EpicProgress } from './schemas/roadmap';
import type {
  ProductRoadmap,
  ProductRoadmapEntry,
  RoadmapDependency,
  TeamPart,
} from './schemas/product-roadmap';

/**
 * The product's roadmap across teams: each epic's part in each team is forecast from that team's work queue
 * (its PO's order) and velocity, all teams in the same Monte Carlo trials, so the whole epic's P50/P85 is the
 * quantile of "the day its last part is done", not a guess from the parts' own quantiles. A story cannot be
 * done before a story that blocks it (in any team).
 */

export interface TeamStory extends RoadmapStory {
  key: string;
}

export interface TeamInput {
  key: string;
  name: string;
  /** Stable per team (its project id): seeds the team's velocity draws. */
  seedKey: string;
  /** The team's stories, deleted ones left out. */
  stories: readonly TeamStory[];
  sprints: readonly RoadmapSprint[];
  plannedVelocity: number | null;
}

export interface ProductRoadmapInput {
  today: string;
  epics: readonly Epic[];
  teams: readonly TeamInput[];
  /** `blocks` links between story ids, across teams or within one. */
  blocks: readonly BlocksLink[];
  feedbackCounts: ReadonlyMap<string, number>;
}

/** "Never": past the horizon, or waiting on a team that has no velocity. */
const NEVER = 2 ** 30;

interface TeamPlan {
  team: TeamInput;
  basis: VelocityBasis;
  plan: SprintPlan;
  /** The open stories in the order the team will do them. */
  queue: TeamStory[];
  /** Cumulative points of the queue up to and including each story. */
  positions: number[];
  /** Unestimated stories of the queue up to and including each story. */
  unestimated: number[];
  /** Days from today to the end of the team's first sprint. */
  firstDay: number;
}

const hasVelocity = (p: TeamPlan) => (p.basis.velocity ?? 0) > 0;

function planTeam(team: TeamInput, today: string): TeamPlan {
  const { basis, plan } = teamVelocityPlan({ ...team, today });
  const queue = workQueue(team.stories, team.sprints) as TeamStory[];
  const positions: number[] = [];
  const unestimated: number[] = [];
  queue.reduce(
    (sum, story) => {
      const next = { points: sum.points + (story.points ?? 0), unestimated: sum.unestimated };
      if (story.points === null) next.unestimated++;
      positions.push(next.points);
      unestimated.push(next.unestimated);
      return next;
    },
    { points: 0, unestimated: 0 },
  );
  return {
    team,
    basis,
    plan,
    queue,
    positions,
    unestimated,
    firstDay: daysBetween(today, plan.firstSprintEnd),
  };
}

/** The day (from today) a team's sprint ends. */
const sprintDay = (p: TeamPlan, sprint: number) =>
  sprint > HORIZON_SPRINTS ? NEVER : p.firstDay + (sprint - 1) * p.plan.sprintLengthDays;

/** Every open story of every team as one numbered node, so a trial works on flat arrays. */
interface Graph {
  plans: TeamPlan[];
  teamOf: Int32Array;
  localOf: Int32Array;
  nodeOf: Map<string, number>;
  order: number[];
  blockersOf: number[][];
  /** Links between open stories, as nodes. */
  links: { blocker: number; blocked: number }[];
}

function buildGraph(input: ProductRoadmapInput): Graph {
  const plans = input.teams.map((team) => planTeam(team, input.today));
  const count = plans.reduce((n, p) => n + p.queue.length, 0);
  const teamOf = new Int32Array(count);
  const localOf = new Int32Array(count);
  const nodeOf = new Map<string, number>();
  plans.forEach((p, t) =>
    p.queue.forEach((story, local) => {
      const node = nodeOf.size;
      teamOf[node] = t;
      localOf[node] = local;
      nodeOf.set(story.id, node);
    }),
  );
  const links = input.blocks.flatMap(({ blocker, blocked }) => {
    const from = nodeOf.get(blocker);
    const to = nodeOf.get(blocked);
    return from === undefined || to === undefined ? [] : [{ blocker: from, blocked: to }];
  });
  return { plans, teamOf, localOf, nodeOf, links, ...blockersInOrder(count, links) };
}

/**
 * Each story's day once it has waited for its blockers: the later of the day its own team's order lands it
 * and its blockers' days. It is not rounded up to its own team's next sprint end: with teams on different
 * sprint calendars that rounding would let a blocker ranked higher delay what it blocks.
 */
function withBlockers(g: Graph, own: Int32Array, out: Int32Array) {
  for (const node of g.order) {
    let day = own[node] as number;
    for (const blocker of g.blockersOf[node] ?? []) day = Math.max(day, out[blocker] as number);
    out[node] = day;
  }
}

/** The deterministic walk at each team's average velocity: own landing days and days after waiting. */
function expectedDays(g: Graph) {
  const own = new Int32Array(g.teamOf.length);
  g.teamOf.forEach((t, node) => {
    const p = g.plans[t] as TeamPlan;
    const sprint = hasVelocity(p)
      ? expectedSprint(p.positions[g.localOf[node] as number] ?? 0, p.basis.velocity ?? 0, p.plan.usedPoints)
      : null;
    own[node] = sprint === null ? NEVER : sprintDay(p, sprint);
  });
  const done = new Int32Array(own.length);
  withBlockers(g, own, done);
  return { own, done };
}

/** Groups of nodes whose latest day is forecast: each epic as a whole, and each epic's part in each team. */
interface Groups {
  epicNodes: Map<string, number[]>;
  partNodes: Map<string, number[]>;
}
const partKey = (epicId: string, teamIndex: number) => `${epicId}|${teamIndex}`;

function groupsOf(g: Graph): Groups {
  const epicNodes = new Map<string, number[]>();
  const partNodes = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, node: number) =>
    map.set(key, [...(map.get(key) ?? []), node]);
  g.plans.forEach((p, t) =>
    p.queue.forEach((story) => {
      if (story.epicId === null) return;
      const node = g.nodeOf.get(story.id) as number;
      add(epicNodes, story.epicId, node);
      add(partNodes, partKey(story.epicId, t), node);
    }),
  );
  return { epicNodes, partNodes };
}

interface Dates {
  p50: string | null;
  p85: string | null;
  expected: string | null;
}
const latest = (days: Int32Array, nodes: readonly number[]) =>
  nodes.reduce((max, n) => Math.max(max, days[n] as number), 0);

/** Runs every trial for every team at once and returns, per group key, its P50, P85 and expected dates. */
function simulate(g: Graph, groups: Map<string, number[]>, today: string): Map<string, Dates> {
  const keys = [...groups.keys()];
  const results = keys.map(() => new Int32Array(MONTE_CARLO_TRIALS));
  const own = new Int32Array(g.teamOf.length);
  const done = new Int32Array(g.teamOf.length);
  const firstNode = g.plans.map((_, t) => g.teamOf.indexOf(t));
  const seeds = g.plans.map((p) => hashString(`product-forecast|${p.team.seedKey}`));
  for (let trial = 0; trial < MONTE_CARLO_TRIALS; trial++) {
    own.fill(NEVER);
    g.plans.forEach((p, t) => {
      if (!hasVelocity(p)) return;
      const base = firstNode[t] as number;
      const order = p.positions.map((_, i) => i);
      runTrial(
        streamOf(seeds[t] as number, trial),
        p.basis.samples,
        p.plan.usedPoints,
        p.positions,
        order,
        (i, sprint) => {
          own[base + i] = sprintDay(p, sprint);
        },
      );
    });
    withBlockers(g, own, done);
    keys.forEach((key, k) => {
      (results[k] as Int32Array)[trial] = latest(done, groups.get(key) ?? []);
    });
  }
  const expected = expectedDays(g).done;
  const date = (day: number | null) => (day === null || day >= NEVER ? null : addDays(today, day));
  return new Map(
    keys.map((key, k) => {
      const sorted = (results[k] as Int32Array).sort();
      const dates: Dates = {
        p50: date(percentile(sorted, 0.5, NEVER)),
        p85: date(percentile(sorted, 0.85, NEVER)),
        expected: date(latest(expected, groups.get(key) ?? [])),
      };
      return [key, dates];
    }),
  );
}

const EMPTY_PROGRESS: EpicProgress = { donePoints: 0, totalPoints: 0, doneStories: 0, totalStories: 0 };
const noDates = { p50: null, p85: null, expected: null } as const;

function addProgress(a: EpicProgress, b: EpicProgress): EpicProgress {
  return {
    donePoints: a.donePoints + b.donePoints,
    totalPoints: a.totalPoints + b.totalPoints,
    doneStories: a.doneStories + b.doneStories,
    totalStories: a.totalStories + b.totalStories,
  };
}

function partForecast(p: TeamPlan, nodes: readonly number[] | undefined, g: Graph, dates: Dates | undefined) {
  if (!nodes || nodes.length === 0) return { ...noDates, confidence: 'high', state: 'finished' } as const;
  if (!hasVelocity(p)) return { ...noDates, confidence: 'low', state: 'no_velocity' } as const;
  const last = Math.max(...nodes.map((n) => g.localOf[n] as number));
  const estimated: Confidence = (p.unestimated[last] ?? 0) > 0 ? 'low' : 'high';
  const d = dates ?? noDates;
  return {
    ...d,
    confidence: lowerConfidence(p.basis.confidence, estimated),
    state: d.p85 === null ? 'beyond_horizon' : 'forecast',
  } as const;
}

function wholeForecast(
  progress: EpicProgress,
  parts: readonly TeamPart[],
  dates: Dates | undefined,
): EpicForecast {
  if (progress.totalStories === 0) return { ...noDates, confidence: 'low', state: 'no_stories' };
  const open = parts.filter((part) => part.forecast.state !== 'finished');
  if (open.length === 0) return { ...noDates, confidence: 'high', state: 'finished' };
  if (open.some((part) => part.forecast.state === 'no_velocity'))
    return { ...noDates, confidence: 'low', state: 'no_velocity' };
  const d = dates ?? noDates;
  const confidence = open.reduce<Confidence>(
    (c, part) => lowerConfidence(c, part.forecast.confidence),
    'high',
  );
  return { ...d, confidence, state: d.p85 === null ? 'beyond_horizon' : 'forecast' };
}

/** Every `blocks` link between open stories, judged by the expected walk. */
function dependencies(
  input: ProductRoadmapInput,
  g: Graph,
): (RoadmapDependency & { epicOf: string | null })[] {
  const { own, done } = expectedDays(g);
  const storyOf = (node: number) => g.plans[g.teamOf[node] as number]!.queue[g.localOf[node] as number]!;
  const date = (day: number) => (day >= NEVER ? null : addDays(input.today, day));
  // In work-queue order (team by team), so the answer does not depend on the order links were loaded in.
  const links = [...g.links].sort((a, b) => a.blocked - b.blocked || a.blocker - b.blocker);
  return links.map(({ blocker, blocked }) => {
    const lands = own[blocked] as number;
    const finishes = done[blocker] as number;
    return {
      story: storyOf(blocker).key,
      projectKey: g.plans[g.teamOf[blocker] as number]!.team.key,
      epicId: storyOf(blocker).epicId,
      blocks: storyOf(blocked).key,
      blocksProjectKey: g.plans[g.teamOf[blocked] as number]!.team.key,
      // Only a story its own order lands can be late for: one beyond the horizon waits on nothing in particular.
      conflict: lands < NEVER && finishes > lands,
      finishes: date(finishes),
      lands: date(lands),
      epicOf: storyOf(blocked).epicId,
    };
  });
}

/** The dependency conflicts alone (no Monte Carlo): what a story's links show. */
export function dependencyConflicts(input: ProductRoadmapInput): RoadmapDependency[] {
  return dependencies(input, buildGraph(input))
    .filter((d) => d.conflict)
    .map(({ epicOf: _, ...d }) => d);
}

export function buildProductRoadmap(input: ProductRoadmapInput): ProductRoadmap {
  const g = buildGraph(input);
  const { epicNodes, partNodes } = groupsOf(g);
  const dates = simulate(g, new Map([...epicNodes, ...partNodes]), input.today);
  const ordered = [...input.epics].sort((a, b) => compareRanks(a.rank, b.rank));
  const progress = input.teams.map((team) => progressByEpic(team.stories));
  const misaligned = g.plans.map((p) => {
    const finishes = new Map<string, { queueIndex: number }>();
    p.queue.forEach((story, queueIndex) => story.epicId && finishes.set(story.epicId, { queueIndex }));
    return misalignments(ordered, finishes);
  });
  const deps = dependencies(input, g);
  const epics = ordered.map((epic, i): ProductRoadmapEntry => {
    const teams = g.plans.flatMap((p, t): TeamPart[] => {
      const mine = progress[t]?.get(epic.id);
      if (!mine) return [];
      const key = partKey(epic.id, t);
      const forecast = partForecast(p, partNodes.get(key), g, dates.get(key));
      const misalignedWith = misaligned[t]?.[i] ?? [];
      return [
        {
          key: p.team.key,
          progress: mine,
          forecast,
          atRisk: isAtRisk(forecast, epic.targetDate),
          misalignedWith,
        },
      ];
    });
    const total = teams.reduce((sum, part) => addProgress(sum, part.progress), EMPTY_PROGRESS);
    const forecast = wholeForecast(total, teams, dates.get(epic.id));
    const mineDeps = deps.filter((d) => d.epicOf === epic.id).map(({ epicOf: _, ...d }) => d);
    const misalignedWith = ordered
      .slice(i + 1)
      .map((e) => e.id)
      .filter((id) => teams.some((part) => part.misalignedWith.includes(id)));
    return {
      epic,
      progress: total,
      planned: { start: epic.startDate, target: epic.targetDate },
      forecast,
      atRisk: isAtRisk(forecast, epic.targetDate),
      misalignedWith,
      feedbackCount: input.feedbackCounts.get(epic.id) ?? 0,
      teams,
      dependencies: mineDeps,
      blockedBy: mineDeps.filter((d) => d.conflict),
    };
  });
  const teams = g.plans.map((p) => {
    const { samples, sprintLengthDays, source, confidence } = p.basis;
    return {
      key: p.team.key,
      name: p.team.name,
      velocity: p.basis.velocity,
      basis: { source, samples, sprintLengthDays, confidence, firstSprintEnd: p.plan.firstSprintEnd },
    };
  });
  return { teams, epics };
}
