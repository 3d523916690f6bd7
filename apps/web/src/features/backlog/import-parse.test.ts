// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT } from '@ordo/domain';
import { parseCsv, planImport, pointsOf, storyTypeOf } from './import-parse';

describe('parseCsv', () => {
  it('splits plain records on commas and line ends', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads quoted fields with doubled quotes, commas and line breaks inside', () => {
    expect(parseCsv('Summary,Description\n"Pay, then ship","He said ""no""\nthen ""yes"""\n')).toEqual([
      ['Summary', 'Description'],
      ['Pay, then ship', 'He said "no"\nthen "yes"'],
    ]);
  });

  it('takes CRLF line ends, inside quotes too, and a missing final line end', () => {
    expect(parseCsv('a,b\r\n"x\r\ny",z\r\nlast,')).toEqual([
      ['a', 'b'],
      ['x\ny', 'z'],
      ['last', ''],
    ]);
  });

  it('drops the byte-order mark spreadsheets put first and keeps empty fields and quoted empty strings', () => {
    expect(parseCsv('\uFEFFSummary,,Labels\n"",,x')).toEqual([
      ['Summary', '', 'Labels'],
      ['', '', 'x'],
    ]);
  });

  it('keeps blank lines as records, so record numbers match spreadsheet rows', () => {
    expect(parseCsv('a\n\nb')).toEqual([['a'], [''], ['b']]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseCsv('5" screen,ok')).toEqual([['5" screen', 'ok']]);
  });

  it('reads nothing from an empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
});

describe('Jira values', () => {
  it('maps issue types case-insensitively, anything unknown to a story', () => {
    expect(['Story', 'BUG', ' task ', 'Spike', 'Epic', 'Improvement', ''].map(storyTypeOf)).toEqual([
      'story',
      'bug',
      'task',
      'spike',
      'story',
      'story',
      'story',
    ]);
  });

  it('reads points on the scale only, as Jira writes them', () => {
    expect(['5', '5.0', ' 13 ', '0', '4', '2.5', 'many', ''].map(pointsOf)).toEqual([
      5,
      5,
      13,
      0,
      null,
      null,
      null,
      null,
    ]);
  });
});

const csv = (lines: string[]) => ({ kind: 'csv' as const, fileName: 'jira.csv', text: lines.join('\r\n') });

describe('planImport', () => {
  it('takes one title per pasted line, skipping blank lines', () => {
    const plan = planImport(
      { kind: 'lines', text: 'Search by name\r\n\n  Pay with a card  \nTrack my parcel\n' },
      false,
    );
    expect(plan.stories.map((s) => s.title)).toEqual([
      'Search by name',
      'Pay with a card',
      'Track my parcel',
    ]);
    expect(plan).toMatchObject({ skipped: [], notes: [], blocker: null });
  });

  it('skips a pasted line that is too long, saying which and why', () => {
    const plan = planImport({ kind: 'lines', text: `Fine\n${'x'.repeat(256)}` }, false);
    expect(plan.stories).toHaveLength(1);
    expect(plan.skipped).toEqual([
      { at: 'line 2', title: 'x'.repeat(256), reason: 'Title is longer than 255 characters' },
    ]);
  });

  it('maps Jira columns case-insensitively, repeated Labels columns and space-separated labels', () => {
    const plan = planImport(
      csv([
        'Issue key,SUMMARY,issue type,Description,Labels,Labels,Custom field (Story Points)',
        'SHOP-1,Pay with a card,Bug,"Card, then\nreceipt",checkout mobile,payments,5.0',
        'SHOP-2,Wish list,Epic,,,,',
      ]),
      true,
    );
    expect(plan.stories).toEqual([
      {
        title: 'Pay with a card',
        type: 'bug',
        description: 'Card, then\nreceipt',
        labels: ['checkout', 'mobile', 'payments'],
        points: 5,
      },
      { title: 'Wish list', type: 'story' },
    ]);
    expect(plan).toMatchObject({ skipped: [], notes: [], blocker: null });
  });

  it('reads Jira Cloud’s "Story point estimate" and a hand-made "Title" column', () => {
    const plan = planImport(csv(['Title,Story point estimate', 'Search,8']), true);
    expect(plan.stories).toEqual([{ title: 'Search', type: 'story', points: 8 }]);
  });

  it('drops points the member may not set, with a note naming who may', () => {
    const plan = planImport(csv(['Summary,Story Points', 'A,3', 'B,', 'C,5']), false);
    expect(plan.stories.map((s) => s.points)).toEqual([undefined, undefined, undefined]);
    expect(plan.notes).toEqual([
      'Story points left out (row 2, row 4): Only the Developer or Scrum Master can estimate story points.',
    ]);
  });

  it('drops points off the scale, with a note, and keeps the story', () => {
    const plan = planImport(csv(['Summary,Story Points', 'A,4', 'B,3', 'C,7', 'D,21', 'E,x']), true);
    expect(plan.stories.map((s) => s.points)).toEqual([undefined, 3, undefined, undefined, undefined]);
    expect(plan.notes).toEqual([
      'Story points left out (row 2, row 4, row 5 and 1 more): not on the scale 0, 1, 2, 3, 5, 8, 13, 20, 40, 100.',
    ]);
  });

  it('skips rows that are not valid stories, named by their spreadsheet row, and ignores blank rows', () => {
    const plan = planImport(
      csv(['Summary,Labels', 'Good,', ',', '"  ",ok', `Labelled,${'l'.repeat(51)}`]),
      false,
    );
    expect(plan.stories.map((s) => s.title)).toEqual(['Good']);
    expect(plan.skipped).toEqual([
      { at: 'row 4', title: '', reason: 'Title is empty' },
      { at: 'row 5', title: 'Labelled', reason: 'A label in Labels is longer than 50 characters' },
    ]);
  });

  it('refuses a file without a Summary column', () => {
    const plan = planImport(csv(['Key,Name', 'SHOP-1,Pay']), false);
    expect(plan.stories).toEqual([]);
    expect(plan.blocker).toMatch(/no Summary column/);
  });

  it(`refuses more than ${MAX_IMPORT} stories at once`, () => {
    const plan = planImport(
      { kind: 'lines', text: Array.from({ length: MAX_IMPORT + 1 }, (_, i) => `Story ${i}`).join('\n') },
      false,
    );
    expect(plan.blocker).toBe('That is 5,001 stories: import at most 5,000 at once: split it.');
  });
});
