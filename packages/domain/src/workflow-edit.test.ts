import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import type { Status } from './schemas/project';
import type { StatusInput } from './schemas/workflow';
import { planWorkflow } from './workflow-edit';

const current: Status[] = [
  { id: 'todo', name: 'To Do', category: 'todo', wipLimit: null },
  { id: 'doing', name: 'In Progress', category: 'in_progress', wipLimit: null },
  { id: 'review', name: 'In Review', category: 'in_progress', wipLimit: null },
  { id: 'done', name: 'Done', category: 'done', wipLimit: null },
];
const keep = (...ids: string[]): StatusInput[] =>
  ids.map((id) => {
    const { name, category, wipLimit } = current.find((s) => s.id === id) as Status;
    return { id, name, category, wipLimit };
  });
const noStories = new Map<string, number>();

function refusal(rule: () => unknown): unknown {
  try {
    rule();
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  return 'no refusal';
}

describe('editing the workflow', () => {
  it('renames, reorders, sets WIP limits and adds statuses, numbering positions in board order', () => {
    const plan = planWorkflow(
      current,
      {
        statuses: [
          ...keep('todo'),
          { id: 'doing', name: 'Doing', category: 'in_progress', wipLimit: 3 },
          { name: 'QA', category: 'in_progress' },
          ...keep('review', 'done'),
        ],
      },
      noStories,
    );
    expect(plan.statuses.map((s) => [s.id, s.name, s.wipLimit, s.position])).toEqual([
      ['todo', 'To Do', null, 0],
      ['doing', 'Doing', 3, 1],
      [null, 'QA', null, 2],
      ['review', 'In Review', null, 3],
      ['done', 'Done', null, 4],
    ]);
    expect(plan.removed).toEqual([]);
  });

  it('removes an empty status without being told where its stories go', () => {
    const plan = planWorkflow(current, { statuses: keep('todo', 'doing', 'done') }, noStories);
    expect(plan.removed).toEqual([{ status: current[2], movedTo: null }]);
  });

  it('refuses to remove a status holding stories until moveStoriesTo says where they go', () => {
    const counts = new Map([['review', 3]]);
    expect(refusal(() => planWorkflow(current, { statuses: keep('todo', 'doing', 'done') }, counts))).toEqual(
      {
        code: 'conflict',
        message: 'Stories are still in "In Review": say where they go in moveStoriesTo',
        details: { statuses: [{ id: 'review', name: 'In Review', stories: 3 }] },
      },
    );
    const plan = planWorkflow(
      current,
      { statuses: keep('todo', 'doing', 'done'), moveStoriesTo: { review: 'doing' } },
      counts,
    );
    expect(plan.removed).toEqual([{ status: current[2], movedTo: 'doing' }]);
  });

  it('moves stories only from a removed status to one that stays', () => {
    const statuses = keep('todo', 'doing', 'done');
    expect(
      refusal(() => planWorkflow(current, { statuses, moveStoriesTo: { review: 'review' } }, noStories)),
    ).toMatchObject({
      code: 'validation_failed',
      message: 'moveStoriesTo.review: stories can only move to a status that stays',
    });
    expect(
      refusal(() => planWorkflow(current, { statuses, moveStoriesTo: { doing: 'todo' } }, noStories)),
    ).toMatchObject({
      message: 'moveStoriesTo.doing: not a status this change removes',
    });
  });

  it('keeps a todo status for new stories and a done status to complete sprints', () => {
    expect(
      refusal(() => planWorkflow(current, { statuses: keep('doing', 'done') }, noStories)),
    ).toMatchObject({
      message: 'statuses: the workflow needs at least one status in the "todo" category',
    });
    expect(
      refusal(() => planWorkflow(current, { statuses: keep('todo', 'doing') }, noStories)),
    ).toMatchObject({
      message: 'statuses: the workflow needs at least one status in the "done" category',
    });
  });

  it('names the entry that is wrong: an unknown id, an id twice, a name twice', () => {
    const unknown = { id: 'other', name: 'X', category: 'todo' as const };
    expect(
      refusal(() => planWorkflow(current, { statuses: [...keep('todo', 'done'), unknown] }, noStories)),
    ).toMatchObject({
      message: 'statuses.2.id: not a status of this project',
    });
    expect(
      refusal(() => planWorkflow(current, { statuses: keep('todo', 'done', 'todo') }, noStories)),
    ).toMatchObject({
      message: 'statuses.2.id: listed twice',
    });
    const twin = { name: 'done', category: 'done' as const };
    expect(
      refusal(() => planWorkflow(current, { statuses: [...keep('todo', 'done'), twin] }, noStories)),
    ).toMatchObject({
      message: 'statuses.2.name: two statuses cannot share a name',
    });
  });
});
