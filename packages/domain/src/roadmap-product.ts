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

/**
 * The open stories that can decide a date, as numbered nodes so a trial works on flat arrays: the last story
 * of each epic in each team, and the stories of `blocks` links. Any other story of an epic is done no later
 * than its team's last story of that epic (positions only grow), so leaving it out changes no date and keeps
 * a trial's cost to these few nodes, however long the backlogs.
 */
interface Graph {
  plans: TeamPlan[];
  teamOf: Int32Array;
  localOf: Int32Array;
  nodeOf: Map<string, number>;
  /** Each team's nodes in its queue order. */
  teamNodes: number[][];
  order: number[];
  blockersOf: number[][];
  /** Links between open stories, as nodes. */
  links: { blocker: number; blocked: number }[];
}

function decidingLocals(p: TeamPlan, linked: ReadonlySet<string>): number[] {
  const lastOfEpic = new Map<string, number>();
  p.queue.forEach((story, local) => story.epicId && lastOfEpic.set(story.epicId, local));
  const keep = new Set(lastOfEpic.values());
  p.queue.forEach((story, local) => linked.has(story.id) && keep.add(local));
  return [...keep].sort((a, b) => a - b);
}

function buildGraph(input: ProductRoadmapInput): Graph {
  const plans = input.teams.map((team) => planTeam(team, input.today));
  const open = new Set(plans.flatMap((p) => p.queue.map((story) => story.id)));
  const openLinks = input.blocks.filter((l) => open.has(l.blocker) && open.has(l.blocked));
  const linked = new Set(openLinks.flatMap((l) => [l.blocker, l.blocked]));
  const teams: number[] = [];
  const locals: number[] = [];
  const nodeOf = new Map<string, number>();
  const teamNodes = plans.map((p, t) =>
    decidingLocals(p, linked).map((local) => {
      const node = teams.push(t) - 1;
      locals.push(local);
      nodeOf.set((p.queue[local] as TeamStory).id, node);
      return node;
    }),
  );
  const links = openLinks.map((l) => ({
    blocker: nodeOf.get(l.blocker) as number,
    blocked: nodeOf.get(l.blocked) as number,
  }));
  return {
    plans,
    teamOf: Int32Array.from(teams),
    localOf: Int32Array.from(locals),
    nodeOf,
    teamNodes,
    links,
    ...blockersInOrder(teams.length, links),
  };
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
  g.teamNodes.forEach((nodes, t) =>
    nodes.forEach((node) => {
      const epicId = g.plans[t]?.queue[g.localOf[node] as number]?.epicId ?? null;
      if (epicId === null) return;
      add(epicNodes, epicId, node);
      add(partNodes, partKey(epicId, t), node);
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
  const members = keys.map((key) => groups.get(key) ?? []);
  const results = keys.map(() => new Int32Array(MONTE_CARLO_TRIALS));
  const own = new Int32Array(g.teamOf.length);
  const done = new Int32Array(g.teamOf.length);
  const seeds = g.plans.map((p) => hashString(`product-forecast|${p.team.seedKey}`));
  const positions = g.plans.map((p, t) =>
    g.teamNodes[t]!.map((n) => p.positions[g.localOf[n] as number] ?? 0),
  );
  const orders = positions.map((team) => team.map((_, i) => i));
  for (let trial = 0; trial < MONTE_CARLO_TRIALS; trial++) {
    own.fill(NEVER);
    g.plans.forEach((p, t) => {
      if (!hasVelocity(p)) return;
      const nodes = g.teamNodes[t] as number[];
      const random = streamOf(seeds[t] as number, trial);
      runTrial(random, p.basis.samples, p.plan.usedPoints, positions[t]!, orders[t]!, (i, sprint) => {
        own[nodes[i] as number] = sprintDay(p, sprint);
      });
    });
    withBlockers(g, own, done);
    members.forEach((nodes, k) => {
      (results[k] as Int32Array)[trial] = latest(done, nodes);
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
        expected: date(latest(expected, members[k] ?? [])),
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
