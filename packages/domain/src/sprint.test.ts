import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import type { StatusCategory } from './schemas/project';
import {
  afterTransition,
  capacity,
  checkCarryOverTarget,
  checkComplete,
  checkPlannable,
  checkSprintDates,
  checkSprintEdit,
  checkStart,
  completionOf,
} from './sprint';

/** The refusal a rule throws, as `code: message` (or 'ok' when it allows). */
function outcome(rule: () => unknown): string {
  try {
    rule();
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

const planned = {
  id: 's1',
  name: 'Sprint 1',
  state: 'planned' as const,
  startDate: '2025-03-03',
  endDate: '2025-03-14',
};
const active = { ...planned, id: 's0', name: 'Sprint 0', state: 'active' as const };
const closed = { ...planned, id: 's9', name: 'Sprint 9', state: 'closed' as const };
const categories = new Map<string, StatusCategory>([
  ['todo', 'todo'],
  ['doing', 'in_progress'],
  ['done', 'done'],
]);

describe('sprint dates', () => {
  it('lets a planned sprint leave its dates open', () => {
    expect(outcome(() => checkSprintDates({ startDate: null, endDate: null }))).toBe('ok');
    expect(outcome(() => checkSprintDates({ startDate: '2025-03-03', endDate: null }))).toBe('ok');
  });

  it('needs the end after the start: 1 day is the shortest sprint', () => {
    expect(outcome(() => checkSprintDates({ startDate: '2025-03-03', endDate: '2025-03-03' }))).toBe(
      'validation_failed: endDate: must be after startDate',
    );
    expect(outcome(() => checkSprintDates({ startDate: '2025-03-03', endDate: '2025-03-01' }))).toMatch(
      /endDate/,
    );
    expect(outcome(() => checkSprintDates({ startDate: '2025-03-03', endDate: '2025-03-04' }))).toBe('ok');
  });

  it('allows 4 weeks (28 days) at the most, counting a leap day', () => {
    expect(outcome(() => checkSprintDates({ startDate: '2025-03-03', endDate: '2025-03-31' }))).toBe('ok');
    expect(outcome(() => checkSprintDates({ startDate: '2025-03-03', endDate: '2025-04-01' }))).toMatch(
      /endDate: must be at most 4 weeks/,
    );
    expect(outcome(() => checkSprintDates({ startDate: '2024-02-28', endDate: '2024-03-27' }))).toBe('ok');
    expect(outcome(() => checkSprintDates({ startDate: '2024-02-28', endDate: '2024-03-28' }))).toMatch(
      /4 weeks/,
    );
  });
});

describe('editing a sprint', () => {
  it('edits a planned or running sprint, checking its dates', () => {
    expect(outcome(() => checkSprintEdit(planned, { startDate: null, endDate: null }))).toBe('ok');
    expect(outcome(() => checkSprintEdit(active, { startDate: '2025-03-03', endDate: '2025-03-24' }))).toBe(
      'ok',
    );
    expect(
      outcome(() => checkSprintEdit(planned, { startDate: '2025-03-03', endDate: '2025-04-03' })),
    ).toMatch(/endDate/);
  });

  it('keeps the dates of a running sprint', () => {
    expect(outcome(() => checkSprintEdit(active, { startDate: null, endDate: '2025-03-14' }))).toBe(
      'validation_failed: startDate: a running sprint keeps its start date',
    );
    expect(outcome(() => checkSprintEdit(active, { startDate: '2025-03-03', endDate: null }))).toMatch(
      /^validation_failed: endDate/,
    );
  });

  it('refuses any edit of a closed sprint', () => {
    expect(outcome(() => checkSprintEdit(closed, { startDate: null, endDate: null }))).toBe(
      'conflict: Sprint "Sprint 9" is closed and read-only',
    );
  });
});

describe('the sprint state machine', () => {
  it('starts a planned sprint with dates when no other is active', () => {
    expect(outcome(() => checkStart(planned, undefined))).toBe('ok');
  });

  it('refuses a second active sprint, naming the one that runs', () => {
    expect(outcome(() => checkStart(planned, active))).toBe(
      'conflict: Sprint "Sprint 0" is still active: complete it first',
    );
  });

  it('refuses to start a sprint twice or a closed one', () => {
    expect(outcome(() => checkStart(active, undefined))).toBe(
      'conflict: Sprint "Sprint 0" has already started',
    );
    expect(outcome(() => checkStart(closed, undefined))).toBe(
      'conflict: Sprint "Sprint 9" is closed and read-only',
    );
  });

  it('needs both dates to start', () => {
    expect(outcome(() => checkStart({ ...planned, startDate: null }, undefined))).toMatch(
      /^validation_failed: startDate/,
    );
    expect(outcome(() => checkStart({ ...planned, endDate: null }, undefined))).toMatch(
      /^validation_failed: endDate/,
    );
  });

  it('completes only an active sprint', () => {
    expect(outcome(() => checkComplete(active))).toBe('ok');
    expect(outcome(() => checkComplete(planned))).toBe('conflict: Sprint "Sprint 1" has not started yet');
    expect(outcome(() => checkComplete(closed))).toMatch(/^conflict: .*closed and read-only/);
  });

  it('carries unfinished stories only into a planned sprint', () => {
    expect(outcome(() => checkCarryOverTarget(active, planned))).toBe('ok');
    expect(outcome(() => checkCarryOverTarget(active, active))).toMatch(/^validation_failed: moveOpenTo/);
    expect(outcome(() => checkCarryOverTarget(active, closed))).toMatch(/^conflict: .*read-only/);
  });
});

describe('sprint planning', () => {
  it('pulls a story that is in no sprint, and skips one already in this sprint', () => {
    expect(checkPlannable('SHOP-1', planned, null)).toBe(true);
    expect(checkPlannable('SHOP-1', planned, planned)).toBe(false);
  });

  it('keeps a story in at most one open sprint', () => {
    expect(outcome(() => checkPlannable('SHOP-1', planned, active))).toBe(
      'conflict: SHOP-1 is already in sprint "Sprint 0": remove it from there first',
    );
  });

  it('leaves a story completed in a closed sprint in that sprint', () => {
    expect(outcome(() => checkPlannable('SHOP-1', planned, closed))).toBe(
      'conflict: SHOP-1 was completed in sprint "Sprint 9"',
    );
  });
});

describe('completing a sprint', () => {
  const stories = [
    { id: 'done5', points: 5, statusId: 'done', rank: 'a1', spilledFrom: [] },
    { id: 'todo3', points: 3, statusId: 'todo', rank: 'a0', spilledFrom: [] },
    { id: 'doing2', points: 2, statusId: 'doing', rank: 'a3', spilledFrom: ['s0'] },
    { id: 'unestimated', points: null, statusId: 'todo', rank: 'a2', spilledFrom: [] },
    { id: 'done8', points: 8, statusId: 'done', rank: 'a4', spilledFrom: [] },
  ];

  it('records the points of the done stories: 5 + 8 = 13', () => {
    expect(completionOf('s1', stories, categories, { sprintId: 's2' }).completedPoints).toBe(13);
  });

  it('puts the unfinished stories at the top of the backlog in their sprint order', () => {
    const { carriedOver } = completionOf('s1', stories, categories, { backlogAbove: 'a0' });
    expect(carriedOver.map((s) => s.id)).toEqual(['todo3', 'unestimated', 'doing2']);
    const ranks = carriedOver.map((s) => s.rank);
    expect([...ranks].sort()).toEqual(ranks);
    expect(ranks.every((r) => r < 'a0')).toBe(true);
    expect(carriedOver.every((s) => s.sprintId === null)).toBe(true);
  });

  it('moves them into a planned sprint keeping their ranks', () => {
    const { carriedOver } = completionOf('s1', stories, categories, { sprintId: 's2' });
    expect(carriedOver.map((s) => [s.id, s.sprintId, s.rank])).toEqual([
      ['todo3', 's2', 'a0'],
      ['unestimated', 's2', 'a2'],
      ['doing2', 's2', 'a3'],
    ]);
  });

  it('remembers every sprint a story spilled over from, oldest first', () => {
    const { carriedOver } = completionOf('s1', stories, categories, { backlogAbove: null });
    expect(carriedOver.find((s) => s.id === 'doing2')?.spilledFrom).toEqual(['s0', 's1']);
    expect(carriedOver.find((s) => s.id === 'todo3')?.spilledFrom).toEqual(['s1']);
  });

  it('completes an empty sprint with 0 points', () => {
    expect(completionOf('s1', [], categories, { backlogAbove: null })).toEqual({
      completedPoints: 0,
      carriedOver: [],
    });
  });
});

describe('moving a story across the board', () => {
  const doneStory = { statusId: 'done', accepted: true, sprintId: 's1' };

  it('takes back the acceptance of a story that leaves done', () => {
    expect(afterTransition(doneStory, 'doing', categories, 'active')).toEqual({
      statusId: 'doing',
      accepted: false,
      sprintId: 's1',
    });
  });

  it('returns a story reopened in a closed sprint to the backlog', () => {
    expect(afterTransition(doneStory, 'todo', categories, 'closed').sprintId).toBeNull();
  });

  it('keeps acceptance and sprint on any other move', () => {
    expect(
      afterTransition({ ...doneStory, statusId: 'todo', accepted: false }, 'done', categories, 'closed'),
    ).toEqual({
      statusId: 'done',
      accepted: false,
      sprintId: 's1',
    });
    expect(
      afterTransition({ statusId: 'todo', accepted: false, sprintId: null }, 'doing', categories, null)
        .sprintId,
    ).toBeNull();
  });
});

describe('capacity', () => {
  const closedSprint = (completedPoints: number, day: number) => ({
    completedPoints,
    completedAt: `2025-01-${String(day).padStart(2, '0')}T12:00:00.000Z`,
  });

  it('is the average completed points of the last 3 closed sprints: (20 + 18 + 25) / 3 = 21', () => {
    const sprints = [closedSprint(25, 28), closedSprint(10, 1), closedSprint(20, 14), closedSprint(18, 21)];
    expect(capacity(sprints)).toBe(21);
  });

  it('rounds to one decimal: (10 + 10 + 11) / 3 = 10.3', () => {
    expect(capacity([closedSprint(10, 1), closedSprint(10, 2), closedSprint(11, 3)])).toBe(10.3);
  });

  it('is unknown before the first sprint closes', () => {
    expect(capacity([])).toBeNull();
    expect(capacity([{ completedPoints: null, completedAt: null }])).toBeNull();
  });
});
