import type { EventType, NewEvent } from './events';
import { mentionedHandles, newlyMentioned } from './mentions';
import type { Story } from './schemas/story';

/**
 * Who hears about a change, decided from the event the change logged. The API hands each event of a
 * transaction to `notificationsFor` together with the story's watchers and the project's members, and
 * writes what it returns in the same transaction; `watchersAddedBy` says who starts watching.
 */
export const NOTIFICATION_TYPES = [
  'mentioned',
  'assigned',
  'commented',
  'status_changed',
  'accepted',
  'rejected',
  'invited',
  /** A `blocks` link between two teams became a dependency conflict (`conflict-notifications.ts`). */
  'dependency_conflict',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The types that are also mailed when the server has SMTP. */
export const MAILED_NOTIFICATIONS: readonly NotificationType[] = ['mentioned', 'assigned'];

export interface NotificationContext {
  actor: { id: string; name: string };
  /** The project's members now, by id, with their handles: nobody else is ever notified. */
  members: ReadonlyMap<string, { handle: string | null }>;
  /** Who watched the story before this event. */
  watchers: ReadonlySet<string>;
  /** The workflow's status names, for "moved to Done". */
  statusName(statusId: string): string | undefined;
}

export interface NotificationDraft {
  userId: string;
  type: NotificationType;
  storyId: string;
  text: string;
}

const NOTIFIABLE = [
  'story.created',
  'story.updated',
  'story.transitioned',
  'story.accepted',
  'story.rejected',
  'comment.added',
] as const satisfies readonly EventType[];
const notifiable = new Set<string>(NOTIFIABLE);

/** An event the rules read: typed by the event vocabulary, as the API's log checked it at append. */
export type NotifiableEvent = Extract<NewEvent, { type: (typeof NOTIFIABLE)[number] }>;

/** Whether an event can notify anyone or add a watcher (the others cost no query). */
export const isNotifiable = (event: NewEvent): event is NotifiableEvent => notifiable.has(event.type);

/** The fields an edit changed, with their values before (nothing for the events that are no edit). */
const fromOf = (event: NotifiableEvent): Readonly<Record<string, unknown>> =>
  event.type === 'story.updated' || event.type === 'story.transitioned' ? event.data.from : {};
const commentBody = (event: NotifiableEvent) =>
  event.type === 'comment.added' ? event.data.comment.body : '';

/** A line of someone's text for a notification: one line, at most 120 characters. */
export function excerpt(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The assignee the event gave the story, if it changed the assignee to someone. */
function newAssignee(event: NotifiableEvent, story: Story): string | undefined {
  const from = fromOf(event);
  if (!('assigneeId' in from) || story.assigneeId === null || from.assigneeId === story.assigneeId)
    return undefined;
  return story.assigneeId;
}

function mentionedIn(
  event: NotifiableEvent,
  story: Story,
): { handles: string[]; where: 'comment' | 'description' } {
  if (event.type === 'comment.added')
    return { handles: mentionedHandles(commentBody(event)), where: 'comment' };
  const from = fromOf(event);
  if (event.type === 'story.created')
    return { handles: mentionedHandles(story.description), where: 'description' };
  if ('description' in from)
    return {
      handles: newlyMentioned(
        story.description,
        typeof from.description === 'string' ? from.description : '',
      ),
      where: 'description',
    };
  return { handles: [], where: 'description' };
}

/** What the story's watchers hear about this event, if anything. */
function watcherNews(event: NotifiableEvent, story: Story, context: NotificationContext) {
  const who = context.actor.name;
  switch (event.type) {
    case 'comment.added':
      return {
        type: 'commented' as const,
        text: `${who} commented on ${story.key}: ${excerpt(commentBody(event))}`,
      };
    case 'story.transitioned': {
      const status = context.statusName(story.statusId);
      return {
        type: 'status_changed' as const,
        text: `${who} moved ${story.key} ${story.title} to ${status ?? 'another status'}`,
      };
    }
    case 'story.accepted':
      return { type: 'accepted' as const, text: `${who} accepted ${story.key} ${story.title}` };
    case 'story.rejected':
      return {
        type: 'rejected' as const,
        text: `${who} rejected ${story.key}: ${excerpt(event.data.reason)}`,
      };
    default:
      return undefined;
  }
}

/**
 * The notifications one event causes: mentions first, then the assignment, then news for the watchers;
 * each member at most once per event, never the actor, never someone who is not a member (any more), and
 * a mentioned handle that is not a member's notifies nobody.
 */
export function notificationsFor(event: NewEvent, context: NotificationContext): NotificationDraft[] {
  if (!isNotifiable(event)) return [];
  const { story } = event.data;
  const drafts = new Map<string, NotificationDraft>();
  const add = (userId: string, type: NotificationType, text: string) => {
    if (userId === context.actor.id || !context.members.has(userId) || drafts.has(userId)) return;
    drafts.set(userId, { userId, type, storyId: story.id, text });
  };
  const byHandle = new Map(
    [...context.members].flatMap(([id, m]) => (m.handle ? [[m.handle.toLowerCase(), id] as const] : [])),
  );
  const mentions = mentionedIn(event, story);
  const where =
    mentions.where === 'comment'
      ? `on ${story.key}: ${excerpt(commentBody(event))}`
      : `in the description of ${story.key} ${story.title}`;
  for (const handle of mentions.handles) {
    const userId = byHandle.get(handle);
    if (userId) add(userId, 'mentioned', `${context.actor.name} mentioned you ${where}`);
  }
  const assignee = newAssignee(event, story);
  if (assignee)
    add(assignee, 'assigned', `${context.actor.name} assigned ${story.key} ${story.title} to you`);
  const news = watcherNews(event, story, context);
  if (news) for (const watcher of context.watchers) add(watcher, news.type, news.text);
  return [...drafts.values()];
}

/** Who starts watching the story because of this event: its creator, a new assignee, whoever comments. */
export function watchersAddedBy(event: NewEvent, actorId: string): string[] {
  if (!isNotifiable(event)) return [];
  const { story } = event.data;
  if (event.type === 'story.created') return [story.createdBy ?? actorId];
  if (event.type === 'comment.added') return [actorId];
  const assignee = newAssignee(event, story);
  return assignee ? [assignee] : [];
}

/** The invitation's notification, for a user who already has an account. */
export const invitedText = (inviter: string, projectName: string) =>
  `${inviter} invited you to ${projectName}`;
