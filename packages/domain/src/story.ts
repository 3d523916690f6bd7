import type { Action } from './policy';
import type { UpdateStory } from './schemas/story';

/** Which policy action guards each editable field of a story; fields not listed are plain text edits. */
const FIELD_ACTIONS: Partial<Record<keyof UpdateStory, Action>> = {
  points: 'story.estimate',
  epicId: 'story.link_epic',
  statusId: 'story.transition',
  assigneeId: 'story.assign',
};

/** The actions an edit needs: one per kind of field it touches (a version-only edit needs `story.edit`). */
export function actionsForStoryEdit(edit: UpdateStory): Action[] {
  const fields = Object.keys(edit).filter((f) => f !== 'version' && edit[f as keyof UpdateStory] !== undefined);
  const actions = new Set<Action>(fields.map((f) => FIELD_ACTIONS[f as keyof UpdateStory] ?? 'story.edit'));
  if (actions.size === 0) actions.add('story.edit');
  return [...actions];
}

/** The definition of ready: the team can pull a story into a sprint once it has acceptance criteria and an estimate. */
export function isReady(story: { acceptanceCriteria: readonly unknown[]; points: number | null }): boolean {
  return story.acceptanceCriteria.length > 0 && story.points !== null;
}

export const formatStoryKey = (projectKey: string, number: number) => `${projectKey}-${number}`;

/** `SHOP-42` → 42, or null when the key belongs to another project or is malformed. */
export function storyNumber(projectKey: string, storyKey: string): number | null {
  const prefix = `${projectKey}-`;
  if (!storyKey.startsWith(prefix)) return null;
  const n = Number(storyKey.slice(prefix.length));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
