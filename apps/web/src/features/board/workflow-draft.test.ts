import { describe, expect, it } from 'vitest';
import { DOING, DONE, REVIEW, STATUSES, TODO } from '../../test/fixtures';
import { toDraft, workflowBody } from './workflow-draft';

describe('workflowBody', () => {
  it('sends the columns in order, new ones without an id', () => {
    const draft = [
      ...toDraft(STATUSES),
      { key: 'new', name: ' Released ', category: 'done' as const, wipLimit: null },
    ];
    const body = workflowBody(STATUSES, draft);
    expect(body.statuses.map((s) => s.name)).toEqual([
      'To Do',
      'In Progress',
      'In Review',
      'Done',
      'Released',
    ]);
    expect(body.statuses[4]).toEqual({ name: 'Released', category: 'done', wipLimit: null });
    expect(body.moveStoriesTo).toEqual({});
  });
  it('sends the stories of a removed column to a column of the same kind that stays', () => {
    const draft = toDraft(STATUSES).filter((s) => s.id !== REVIEW);
    expect(workflowBody(STATUSES, draft).moveStoriesTo).toEqual({ [REVIEW]: DOING });
  });
  it('falls back to the first column when no column of that kind stays', () => {
    const draft = toDraft(STATUSES).filter((s) => s.id !== DOING && s.id !== REVIEW);
    expect(workflowBody(STATUSES, draft).moveStoriesTo).toEqual({ [DOING]: TODO, [REVIEW]: TODO });
    expect(draft.map((s) => s.id)).toEqual([TODO, DONE]);
  });
});
