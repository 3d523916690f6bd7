import { excerpt } from './notifications';

/**
 * Who hears of a dependency conflict, and in which words. A `blocks` link between two teams of a product is
 * a conflict when the blocker's team finishes the blocker after the blocked story's team reaches the story
 * it blocks (`dependencyConflicts`, `roadmap-product.ts`). When a change makes a link a conflict, the POs
 * of both teams and the product's PMs are told, once: a conflict that stands is not told again, however
 * often it is judged, until it has gone away and comes back.
 */

/** A logged event as the conflict check reads it, with what its writer knew of the story's links. */
export interface JudgedEvent {
  type: string;
  data: Record<string, unknown>;
  /** The story has a `blocks` link to or from another team (true), none (false), or the writer did not look. */
  blocksAcrossTeams?: boolean | undefined;
}

/** Changes of a story that move the day its team reaches it: its place in the queue, its sprint, its size. */
const QUEUE_FIELDS = ['rank', 'sprintId', 'points'];

function judgedStoryOf(event: JudgedEvent): string | undefined {
  const story = event.data.story as { id?: string } | undefined;
  switch (event.type) {
    case 'story.ranked':
    case 'sprint.story_added':
    case 'sprint.story_removed':
      return story?.id;
    case 'story.updated': {
      const from = (event.data.from ?? {}) as Record<string, unknown>;
      return QUEUE_FIELDS.some((field) => field in from) ? story?.id : undefined;
    }
    case 'link.added':
      return (event.data.link as { type?: string } | undefined)?.type === 'blocks' ? story?.id : undefined;
    default:
      return undefined;
  }
}

/**
 * The stories whose `blocks` links a transaction's events may have made conflicts: a story ranked, moved
 * into or out of a sprint or re-estimated, and the blocker of a new link. Each maps to what the writers
 * knew of its links (true if one said it has a link to another team, false if all said it has none,
 * undefined when it is to be looked up). Other changes (a sprint's close, another story moved ahead) move
 * dates too; the links are judged again at the next change to one of their stories.
 */
export function storiesToJudge(events: readonly JudgedEvent[]): Map<string, boolean | undefined> {
  const judged = new Map<string, boolean | undefined>();
  for (const event of events) {
    const id = judgedStoryOf(event);
    if (id === undefined) continue;
    const known = judged.has(id) ? judged.get(id) : false;
    const said = event.blocksAcrossTeams;
    judged.set(
      id,
      known === true || said === true ? true : known === undefined || said === undefined ? undefined : false,
    );
  }
  return judged;
}

/** A cross-team `blocks` link as the API judges it: whether it was a conflict when last judged. */
export interface JudgedLink {
  id: string;
  blocker: string;
  blocked: string;
  /** When it became a conflict, as last judged; null while it is not one. */
  conflictSince: Date | null;
}

/** The links that became conflicts (to be told) and those that no longer are (to be told again should they come back). */
export function conflictChanges<T extends JudgedLink>(
  links: readonly T[],
  isConflict: (link: T) => boolean,
): { appeared: T[]; resolved: T[] } {
  const appeared: T[] = [];
  const resolved: T[] = [];
  for (const link of links) {
    const now = isConflict(link);
    if (now && link.conflictSince === null) appeared.push(link);
    if (!now && link.conflictSince !== null) resolved.push(link);
  }
  return { appeared, resolved };
}

export interface ConflictStory {
  id: string;
  key: string;
  title: string;
}

export interface ConflictTeam {
  key: string;
  /** Its Product Owners (user ids). */
  owners: readonly string[];
  /** Its members holding Product Manager as a team role (user ids). */
  managers: readonly string[];
}

export interface DependencyConflict {
  blocker: ConflictStory;
  blockerTeam: ConflictTeam;
  blocked: ConflictStory;
  blockedTeam: ConflictTeam;
  /** The day the blocker's team finishes it (null: not within the forecast). */
  finishes: string | null;
  /** The day the blocked story's team reaches it. */
  lands: string | null;
}

/** One notification of a conflict: in the team of `side`'s story, about that story. */
export interface ConflictNotice {
  userId: string;
  side: 'blocker' | 'blocked';
  storyId: string;
  text: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "12 Jan 2027": stored in the text, so the same for every reader whatever their language. */
export function spokenDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

const by = (day: string | null) => (day ? `by ${spokenDay(day)}` : 'not within the forecast');

/**
 * The texts, in each reader's terms. The other team's story is named by its key only (its link shows no
 * more to someone outside that team); the reader's own story by key and title.
 */
function texts(c: DependencyConflict, actor: string) {
  const blocker = c.blocker.key;
  const blocked = c.blocked.key;
  const [blockerTitle, blockedTitle] = [excerpt(c.blocker.title, 80), excerpt(c.blocked.title, 80)];
  const first = c.blockerTeam.key;
  const then = c.blockedTeam.key;
  const head = `${actor}'s change makes a dependency conflict:`;
  const finishes = c.finishes
    ? `finishes it by ${spokenDay(c.finishes)}`
    : 'does not finish it within the forecast';
  const reached = `reaches ${blocked} (${by(c.lands)})`;
  return {
    blocked:
      `${head} your ${blocked} ${blockedTitle} waits for ${blocker} of team ${first}, but ${first}'s order ` +
      `${finishes}, after your team ${reached}. ` +
      `Rank ${blocked} lower, or ask ${first}'s Product Owner to rank ${blocker} higher.`,
    blocker:
      `${head} your ${blocker} ${blockerTitle} blocks ${blocked} of team ${then}, but your order ` +
      `${finishes}, after team ${then} ${reached}. ` +
      `Rank ${blocker} higher, or ask ${then}'s Product Owner to rank ${blocked} lower.`,
    manager:
      `${head} ${blocker} ${blockerTitle} (team ${first}) blocks ${blocked} ${blockedTitle} (team ${then}), ` +
      `but ${first}'s order ${finishes}, after ${then} ${reached}. ` +
      `${first}'s Product Owner can rank ${blocker} higher, or ${then}'s rank ${blocked} lower.`,
  };
}

/**
 * The notifications of a conflict that has just appeared: the blocked story's POs, the blocker's POs and
 * the PMs, each once (a PO of either team hears it as a PO, with their own story linked), never the person
 * whose change made it. A product PM's notice is about the blocked story, the one that will wait; a team's
 * own PM hears of it in that team.
 */
export function conflictNotices(
  conflict: DependencyConflict,
  context: { actor: { id: string; name: string }; productManagers: readonly string[] },
): ConflictNotice[] {
  const words = texts(conflict, context.actor.name);
  const notices = new Map<string, ConflictNotice>();
  const add = (users: readonly string[], side: ConflictNotice['side'], text: string) => {
    for (const userId of users) {
      if (userId === context.actor.id || notices.has(userId)) continue;
      notices.set(userId, { userId, side, storyId: conflict[side].id, text });
    }
  };
  add(conflict.blockedTeam.owners, 'blocked', words.blocked);
  add(conflict.blockerTeam.owners, 'blocker', words.blocker);
  add([...conflict.blockedTeam.managers, ...context.productManagers], 'blocked', words.manager);
  add(conflict.blockerTeam.managers, 'blocker', words.manager);
  return [...notices.values()];
}
