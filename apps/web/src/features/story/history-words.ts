import { ROLE_LABELS, type ProjectEvent, type Role } from '@ordo/domain';

/** Names for the ids an event mentions, looked up from what the page already has. */
export interface Names {
  status: (id: string) => string | undefined;
  person: (id: string) => { name: string; roles: readonly Role[] } | undefined;
  epic: (id: string) => string | undefined;
}

type Data = Record<string, unknown>;
const record = (value: unknown): Data => (typeof value === 'object' && value !== null ? (value as Data) : {});
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
function describeField(field: string, before: unknown, story: Data, names: Names): string | null {
  const now = story[field];
  if (field === 'points') {
    if (now === null) return 'removed the estimate';
    return before === null || before === undefined
      ? `estimated this at ${now} points`
      : `re-estimated this from ${before} to ${now} points`;
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

function describeUpdate(data: Data, names: Names): string {
  const story = record(data.story);
  const from = record(data.from);
  const specific: string[] = [];
  const edited = new Set<string>();
  for (const [field, before] of Object.entries(from)) {
    const sentence = describeField(field, before, story, names);
    if (sentence) specific.push(sentence);
    else edited.add(FIELD_WORDS[field] ?? field);
  }
  if (edited.size > 0) specific.push(`edited ${list([...edited])}`);
  return specific.length > 0 ? list(specific) : 'edited this';
}

const statusName = (names: Names, id: unknown) =>
  typeof id === 'string' ? (names.status(id) ?? 'a removed column') : 'somewhere';

/** One line of the story's history: "Ana (Product Owner) moved this from #14 to #2". */
export function describeEvent(event: ProjectEvent, names: Names): string {
  const data = event.data;
  const from = record(data.from);
  const to = record(data.to);
  const story = record(data.story);
  const what: Record<string, () => string> = {
    'story.created': () => 'created this',
    'story.ranked': () => `moved this from #${from.position ?? '?'} to #${to.position ?? '?'} in the backlog`,
    'story.transitioned': () =>
      `moved this from ${statusName(names, from.statusId)} to ${statusName(names, story.statusId)}`,
    'story.updated': () => describeUpdate(data, names),
    'story.deleted': () => 'deleted this',
    'story.restored': () => 'restored this',
    'story.accepted': () => 'accepted this',
    'story.rejected': () => `rejected this: “${typeof data.reason === 'string' ? data.reason : ''}”`,
    'comment.added': () => 'commented',
    'sprint.story_added': () => 'added this to a sprint',
    'sprint.story_removed': () => 'took this out of its sprint',
  };
  return `${actorLabel(event, names)} ${what[event.type]?.() ?? event.type.replace('.', ' ').replace('_', ' ')}`;
}
