import { describe, expect, it } from 'vitest';
import { actionsForStoryFields, formatStoryKey, isInBacklog, isOverdue, isReady, storyNumber } from './story';

describe('actionsForStoryFields', () => {
  it('asks only for story.edit on text edits and on a version-only edit', () => {
    expect(actionsForStoryFields({ version: 1, title: 'x', labels: ['a'] }, 'story.edit')).toEqual([
      'story.edit',
    ]);
    expect(actionsForStoryFields({ version: 1 }, 'story.edit')).toEqual(['story.edit']);
  });

  it('guards points, epic, status and assignee with their own actions', () => {
    expect(actionsForStoryFields({ version: 1, points: 3 }, 'story.edit')).toEqual(['story.estimate']);
    expect(
      new Set(
        actionsForStoryFields(
          { version: 1, title: 't', epicId: null, statusId: 'x', assigneeId: 'y' },
          'story.edit',
        ),
      ),
    ).toEqual(new Set(['story.edit', 'story.link_epic', 'story.transition', 'story.assign']));
  });

  it('asks a new story for an estimate or epic link only when one is set', () => {
    expect(actionsForStoryFields({ title: 't', points: null, epicId: null }, 'story.create')).toEqual([
      'story.create',
    ]);
    expect(new Set(actionsForStoryFields({ title: 't', points: 5 }, 'story.create'))).toEqual(
      new Set(['story.create', 'story.estimate']),
    );
  });
});

describe('story keys', () => {
  it('reads the number of a key of the same project only', () => {
    expect(storyNumber('SHOP', 'SHOP-42')).toBe(42);
    expect(storyNumber('SHOP', 'SHOPX-42')).toBeNull();
    expect(storyNumber('SHOP', 'OTHER-42')).toBeNull();
    expect(storyNumber('SHOP', 'SHOP-0')).toBeNull();
    expect(formatStoryKey('SHOP', 7)).toBe('SHOP-7');
  });
});

describe('isReady', () => {
  it('needs acceptance criteria and an estimate', () => {
    expect(isReady({ acceptanceCriteria: [{}], points: 0 })).toBe(true);
    expect(isReady({ acceptanceCriteria: [], points: 3 })).toBe(false);
    expect(isReady({ acceptanceCriteria: [{}], points: null })).toBe(false);
  });
});

describe('isInBacklog', () => {
  const done = new Set(['done']);
  const story = { deleted: false, sprintId: null, statusId: 'todo' };
  it('holds live stories in no sprint and not done', () => {
    expect(isInBacklog(story, done)).toBe(true);
    expect(isInBacklog({ ...story, deleted: true }, done)).toBe(false);
    expect(isInBacklog({ ...story, sprintId: 's1' }, done)).toBe(false);
    expect(isInBacklog({ ...story, statusId: 'done' }, done)).toBe(false);
  });
});

describe('isOverdue', () => {
  it('is a due date before today on a story not done yet', () => {
    expect(isOverdue({ dueDate: '2026-03-01' }, '2026-03-02', false)).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-02' }, '2026-03-02', false)).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-01' }, '2026-03-02', true)).toBe(false);
    expect(isOverdue({ dueDate: null }, '2026-03-02', false)).toBe(false);
  });
});
