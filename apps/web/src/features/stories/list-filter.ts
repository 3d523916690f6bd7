import { STORY_SORTS, STORY_TYPES, type StorySort } from '@ordo/domain';

/** The All-stories view's state, every field a URL query field, so a filtered list is a link. */
export const LIST_FIELDS = [
  'q',
  'status',
  'sprint',
  'epic',
  'assignee',
  'label',
  'type',
  'done',
  'deleted',
  'due',
  'sort',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];
export type ListView = Partial<Record<ListField, string>>;

/** What the list asks `GET .../stories` for: only the fields the contract knows, with their own values. */
export type ListParams = Partial<Record<Exclude<ListField, 'sort'>, string>> & { sort?: StorySort };

const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | undefined =>
  values.find((x) => x === v);

/**
 * The URL's fields as list parameters: an odd value (a hand-edited link, an old bookmark) is dropped rather
 * than sent, so the list still shows instead of a 400.
 */
export function toListParams(view: ListView): ListParams {
  const params: ListParams = {
    q: view.q?.trim() || undefined,
    status: view.status,
    sprint: view.sprint,
    epic: view.epic,
    assignee: view.assignee,
    label: view.label?.trim() || undefined,
    type: oneOf(STORY_TYPES, view.type),
    done: oneOf(['true', 'false'], view.done),
    deleted: view.deleted === 'true' ? 'true' : undefined,
    due: view.due === 'overdue' ? 'overdue' : undefined,
    sort: oneOf(STORY_SORTS, view.sort),
  };
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v));
}

/** Whether anything narrows the list (the trash aside): the empty state then says to clear a filter. */
export const isNarrowed = (params: ListParams) =>
  Object.entries(params).some(([field]) => field !== 'sort' && field !== 'deleted');
