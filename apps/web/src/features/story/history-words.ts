import {
  parseEvent,
  ROLE_LABELS,
  type ProjectEvent,
  type Role,
  type Story,
  type TypedEventOf,
} from '@ordo/domain';

/** Names for the ids an event mentions, looked up from what the page already has. */
export interface Names {
  status: (id: string) => string | undefined;
  person: (id: string) => { name: string; roles: readonly Role[] } | undefined;
  epic: (id: string) => string | undefined;
}

const FIELD_WORDS: Record<string, string> = {
  title: 'the title',
  type: 'the type',
  description: 'the description',
  persona: 'the user story',
  goal: 'the user story',
  benefit: 'the user story',
  acceptanceCriteria: 'the acceptance criteria',
  labels: 'the labels',
  dueDate: 'the due date',
  // An import's recount of the sub-tasks it brought.
  subtasksTotal: 'the sub-tasks',
  subtasksDone: 'the sub-tasks',
};

/** "Ana (Product Owner)": who did it, with the role that let them, as the audit trail reads. */
export function actorLabel(event: ProjectEvent, names: Names): string {
  const person = event.actor.id ? names.person(event.actor.id) : undefined;
  const roles = person?.roles.map((r) => ROLE_LABELS[r]).join(', ');
  return roles ? `${event.actor.name} (${roles})` : event.actor.name;
}

const list = (parts: string[]) =>
  parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'nothing');

/** What one field change says, or null when the field goes into the generic "edited …" sentence. */
function describeField(field: string, before: unknown, story: Story, names: Names): string | null {
  const now = story[field as keyof Story];
  if (field === 'points') {
    if (now === null) return 'removed the estimate';
    return before === null || before === undefined
      ? `estimated this at ${now as number} points`
      : `re-estimated this from ${before as number} to ${now as number} points`;
  }
  if (field === 'assigneeId') {
    return typeof now === 'string'
      ? `assigned this to ${names.person(now)?.name ?? 'someone'}`
      : 'unassigned this';
  }
  if (field === 'epicId') {
    return typeof now === 'string'
      ? `linked this to the epic ${names.epic(now) ?? '(deleted epic)'}`
      : 'unlinked this from its epic';
  }
  return null;
}

function describeUpdate(data: TypedEventOf<'story.updated'>['data'], names: Names): string {
  const specific: string[] = [];
  const edited = new Set<string>();
  for (const [field, before] of Object.entries(data.from)) {
    const sentence = describeField(field, before, data.story, names);
    if (sentence) specific.push(sentence);
    else edited.add(FIELD_WORDS[field] ?? field);
  }
  if (edited.size > 0) specific.push(`edited ${list([...edited])}`);
  return specific.length > 0 ? list(specific) : 'edited this';
}

const statusName = (names: Names, id: string) => names.status(id) ?? 'a removed column';

/** The words for an event of the story's history, or undefined for one that has none of its own. */
function describeWhat(event: ProjectEvent, names: Names): string | undefined {
  const parsed = parseEvent(event);
  switch (parsed?.type) {
    case 'story.created':
      return 'created this';
    case 'story.ranked': {
      const { from, to } = parsed.data;
      return `moved this from #${from.position ?? '?'} to #${to.position ?? '?'} in the backlog`;
    }
    case 'story.transitioned': {
      const from = parsed.data.from.statusId;
      const where = typeof from === 'string' ? statusName(names, from) : 'somewhere';
      return `moved this from ${where} to ${statusName(names, parsed.data.story.statusId)}`;
    }
    case 'story.updated':
      return describeUpdate(parsed.data, names);
    case 'story.deleted':
      return 'deleted this';
    case 'story.restored':
      return 'restored this';
    case 'story.accepted':
      return 'accepted this';
    case 'story.rejected':
      return `rejected this: “${parsed.data.reason}”`;
    case 'comment.added':
      return 'commented';
    case 'sprint.story_added':
      return 'added this to a sprint';
    case 'sprint.story_removed':
      return 'took this out of its sprint';
    default:
      return undefined;
  }
}

/** One line of the story's history: "Ana (Product Owner) moved this from #14 to #2". */
export function describeEvent(event: ProjectEvent, names: Names): string {
  const what = describeWhat(event, names) ?? event.type.replace('.', ' ').replace('_', ' ');
  return `${actorLabel(event, names)} ${what}`;
}
