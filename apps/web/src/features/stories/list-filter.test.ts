import { describe, expect, it } from 'vitest';
import { isNarrowed, toListParams } from './list-filter';

describe('the All-stories URL fields', () => {
  it('pass on the values the contract knows', () => {
    expect(
      toListParams({
        q: ' invoice ',
        assignee: 'none',
        type: 'bug',
        done: 'false',
        deleted: 'true',
        due: 'overdue',
        sort: 'due',
      }),
    ).toEqual({
      q: 'invoice',
      assignee: 'none',
      type: 'bug',
      done: 'false',
      deleted: 'true',
      due: 'overdue',
      sort: 'due',
    });
  });

  it('drop odd values and empty text rather than send them', () => {
    expect(
      toListParams({
        q: '  ',
        type: 'epic',
        done: 'yes',
        deleted: 'false',
        due: 'soon',
        sort: 'title',
        label: ' ',
      }),
    ).toEqual({});
  });

  it('count as narrowed with a filter, not with a sort or the trash alone', () => {
    expect(isNarrowed(toListParams({ sort: 'updated', deleted: 'true' }))).toBe(false);
    expect(isNarrowed(toListParams({ label: 'mobile' }))).toBe(true);
  });
});
