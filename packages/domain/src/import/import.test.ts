import { describe, expect, it } from 'vitest';
import { csvColumns, issueFromCsv, parseCsvComment } from './jira-csv';
import { parseJiraTime } from './jira-issue';
import { issueFromJson, jiraFieldIds } from './jira-json';
import { planImport, type ImportContext } from './plan';
import { nearestPoints } from './points';
import { jiraToMarkdown, markdownToJira } from './wiki-markup';

describe('Jira wiki markup to Markdown', () => {
  it('turns headings, bold, italic, monospace and strike-through into Markdown', () => {
    expect(jiraToMarkdown('h1. Title\nh3. *Sub* title')).toBe('# Title\n### **Sub** title');
    expect(jiraToMarkdown('a *bold* and _italic_ word, {{code()}} and -gone-')).toBe(
      'a **bold** and *italic* word, `code()` and ~~gone~~',
    );
    expect(jiraToMarkdown('snake_case_name and 2024-01-02 stay')).toBe('snake_case_name and 2024-01-02 stay');
  });

  it('turns links and mentions into Markdown', () => {
    expect(jiraToMarkdown('see [the docs|https://example.com/a_b] or [https://x.dev]')).toBe(
      'see [the docs](https://example.com/a_b) or <https://x.dev>',
    );
    expect(jiraToMarkdown('ping [~jsmith] and [~accountid:5b10ac8d82e05b22cc7d4ef5]')).toBe(
      'ping @jsmith and @5b10ac8d82e05b22cc7d4ef5',
    );
  });

  it('turns nested bullet and numbered lists into Markdown lists', () => {
    expect(jiraToMarkdown('* one\n** one.a\n# first\n## first.a')).toBe(
      '- one\n  - one.a\n1. first\n  1. first.a',
    );
  });

  it('fences {code} and {noformat} blocks and leaves their content alone', () => {
    const wiki = 'Before\n{code:java}\nint *x* = a_b_c;\n{code}\n{noformat}\n*raw*\n{noformat}\nafter *b*';
    expect(jiraToMarkdown(wiki)).toBe('Before\n```java\nint *x* = a_b_c;\n```\n```\n*raw*\n```\nafter **b**');
    expect(jiraToMarkdown('{code}one line{code}')).toBe('```\none line\n```');
  });

  it('quotes bq. lines and {quote} blocks', () => {
    expect(jiraToMarkdown('bq. said\n{quote}\nthis\n{quote}')).toBe('> said\n> this');
  });
});

describe('Jira CSV columns', () => {
  const english = [
    'Summary',
    'Issue key',
    'Issue id',
    'Issue Type',
    'Status',
    'Priority',
    'Assignee',
    'Reporter',
    'Created',
    'Resolved',
    'Due Date',
    'Labels',
    'Labels',
    'Sprint',
    'Sprint',
    'Custom field (Story Points)',
    'Custom field (Epic Link)',
    'Custom field (Rank)',
    'Comment',
    'Comment',
    'Outward issue link (Blocks)',
    'Inward issue link (Duplicate)',
    'Description',
    'Parent id',
  ];

  it('reads repeated columns: every Sprint, Labels and Comment', () => {
    const columns = csvColumns(english);
    const cells = [
      'Pay by card',
      'SHOP-7',
      '10007',
      'Story',
      'In Progress',
      'High',
      'Jane Roe',
      'john@shop.dev',
      '12/Mar/24 3:45 PM',
      '',
      '2024-04-01',
      'checkout',
      'payments',
      'Sprint 1',
      'Sprint 2',
      '5.0',
      'SHOP-1',
      '0|i0000f:',
      '12/Mar/24 4:00 PM;jroe;First; with a semicolon',
      '13/Mar/24 9:05 AM;john@shop.dev;Second',
      'SHOP-8',
      'SHOP-9',
      'As a buyer *I* pay',
      '',
    ];
    const issue = issueFromCsv(columns, cells, 2);
    expect(issue).toMatchObject({
      key: 'SHOP-7',
      summary: 'Pay by card',
      type: 'Story',
      status: 'In Progress',
      priority: 'High',
      points: 5,
      epicKey: 'SHOP-1',
      rank: '0|i0000f:',
      labels: ['checkout', 'payments'],
      due: '2024-04-01',
      created: '2024-03-12T15:45:00.000Z',
      assignee: { name: 'Jane Roe', email: null },
      reporter: { name: 'john@shop.dev', email: 'john@shop.dev' },
    });
    expect(issue.sprints.map((s) => s.name)).toEqual(['Sprint 1', 'Sprint 2']);
    expect(issue.comments).toEqual([
      {
        at: '2024-03-12T16:00:00.000Z',
        author: { name: 'jroe', email: null },
        body: 'First; with a semicolon',
      },
      {
        at: '2024-03-13T09:05:00.000Z',
        author: { name: 'john@shop.dev', email: 'john@shop.dev' },
        body: 'Second',
      },
    ]);
    expect(issue.links).toEqual([
      { type: 'blocks', direction: 'outward', key: 'SHOP-8' },
      { type: 'duplicates', direction: 'inward', key: 'SHOP-9' },
    ]);
  });

  it('reads Jira French headers', () => {
    const columns = csvColumns([
      'Résumé',
      'Clé de ticket',
      'Type de ticket',
      'État',
      'Étiquettes',
      'Étiquettes',
      'Champ personnalisé (Story Points)',
      'Commentaire',
      'Priorité',
      'Responsable',
    ]);
    const issue = issueFromCsv(
      columns,
      [
        'Payer',
        'SHOP-3',
        'Bug',
        'Terminé',
        'a',
        'b',
        '3,0',
        '12/mars/24 15:45;Jeanne;Bien',
        'Haute',
        'Jeanne',
      ],
      2,
    );
    expect(issue).toMatchObject({
      summary: 'Payer',
      key: 'SHOP-3',
      type: 'Bug',
      status: 'Terminé',
      labels: ['a', 'b'],
      points: 3,
      priority: 'Haute',
    });
    expect(issue.comments[0]).toEqual({
      at: '2024-03-12T15:45:00.000Z',
      author: { name: 'Jeanne', email: null },
      body: 'Bien',
    });
  });

  it('refuses a file without a Summary column, showing what its first line holds', () => {
    expect(() => csvColumns(['Issue key;Summary;Status'])).toThrow(
      /no Summary \(Résumé\) column; its first line reads "Issue key;Summary;Status"/,
    );
  });

  it('reads a comment without a date as a body by nobody', () => {
    expect(parseCsvComment('Just text; really')).toEqual({
      at: null,
      author: null,
      body: 'Just text; really',
    });
  });

  it('reads the date forms Jira writes', () => {
    expect(parseJiraTime('2024-03-12T15:45:00.000+0100')).toBe('2024-03-12T14:45:00.000Z');
    expect(parseJiraTime('01/Jan/24 12:05 AM')).toBe('2024-01-01T00:05:00.000Z');
    expect(parseJiraTime('05/août/23 08:00')).toBe('2023-08-05T08:00:00.000Z');
    expect(parseJiraTime('someday')).toBeNull();
  });
});

describe('story points', () => {
  it('rounds an off-scale estimate to the nearest scale value, a tie upwards', () => {
    expect([4, 6, 21, 0.5, 7, 150, 13].map(nearestPoints)).toEqual([5, 5, 20, 1, 8, 100, 13]);
    expect(nearestPoints(-1)).toBeNull();
  });
});

describe('Jira JSON', () => {
  const document = {
    names: { customfield_10016: 'Story point estimate', customfield_10014: 'Epic Link' },
    schema: { customfield_10020: { custom: 'com.pyxis.greenhopper.jira:gh-sprint' } },
    issues: [],
  };

  it('finds story points, epic link, sprint and rank fields by name, type or value, not by a fixed id', () => {
    const issues = [{ key: 'A-1', fields: { customfield_10019: '0|hzzzzz:' } }];
    expect(jiraFieldIds(document, issues)).toEqual({
      points: ['customfield_10016'],
      sprint: ['customfield_10020'],
      epicLink: ['customfield_10014'],
      epicName: [],
      rank: ['customfield_10019'],
    });
  });

  it('reads an issue of the REST search API', () => {
    const ids = jiraFieldIds(document, []);
    const issue = issueFromJson(
      {
        key: 'shop-4',
        fields: {
          summary: 'Refunds',
          issuetype: { name: 'Bug' },
          status: { name: 'QA', statusCategory: { key: 'indeterminate' } },
          customfield_10016: 4,
          customfield_10014: 'SHOP-1',
          priority: { name: 'Low' },
          labels: ['money'],
          assignee: { displayName: 'Jane Roe', emailAddress: 'JANE@shop.dev' },
          created: '2024-01-02T10:00:00.000+0000',
          customfield_10020: [
            {
              id: 3,
              name: 'S3',
              state: 'closed',
              startDate: '2024-01-01T09:00:00.000Z',
              endDate: '2024-01-14T17:00:00.000Z',
              completeDate: '2024-01-15T08:00:00.000Z',
            },
          ],
          comment: {
            comments: [
              { author: { displayName: 'John' }, created: '2024-01-03T10:00:00.000+0000', body: 'h2. Why' },
            ],
          },
          issuelinks: [{ type: { name: 'Blocks' }, inwardIssue: { key: 'SHOP-2' } }],
        },
      },
      0,
      ids,
    );
    expect(issue).toMatchObject({
      key: 'SHOP-4',
      type: 'Bug',
      status: 'QA',
      statusCategory: 'in_progress',
      points: 4,
      epicKey: 'SHOP-1',
      priority: 'Low',
      assignee: { name: 'Jane Roe', email: 'jane@shop.dev' },
      created: '2024-01-02T10:00:00.000Z',
      links: [{ type: 'blocks', direction: 'inward', key: 'SHOP-2' }],
    });
    expect(issue.sprints).toEqual([
      {
        name: 'S3',
        state: 'closed',
        startDate: '2024-01-01',
        endDate: '2024-01-14',
        completedAt: '2024-01-15T08:00:00.000Z',
      },
    ]);
  });

  it('refuses an issue without fields, naming its position', () => {
    expect(() => issueFromJson({ key: 'A-1' }, 7, jiraFieldIds({}, []))).toThrow(
      'body: issue 7: the issue has no fields',
    );
  });
});

describe('planning an import', () => {
  const statuses = [
    { id: 's-todo', name: 'To Do', category: 'todo' as const },
    { id: 's-doing', name: 'In Progress', category: 'in_progress' as const },
    { id: 's-done', name: 'Done', category: 'done' as const },
  ];
  const context: ImportContext = {
    projectKey: 'SHOP',
    statuses,
    members: [
      { id: 'u-jane', name: 'Jane Roe', email: 'jane@shop.dev' },
      { id: 'u-john', name: 'John Doe', email: 'john@shop.dev' },
    ],
    existingStories: new Map(),
    takenNumbers: new Set([2]),
    existingSprints: new Map(),
    now: '2024-06-01T00:00:00.000Z',
  };
  const headers = [
    'Issue key',
    'Summary',
    'Issue Type',
    'Status',
    'Sprint',
    'Sprint',
    'Story Points',
    'Rank',
    'Resolved',
    'Assignee',
    'Epic Link',
    'Priority',
    'Parent id',
    'Issue id',
    'Comment',
  ];
  const rows = [
    ['SHOP-1', 'Checkout', 'Epic', 'In Progress', '', '', '', '0|a:', '', '', '', '', '', '1', ''],
    [
      'SHOP-2',
      'Pay by card',
      'Story',
      'Done',
      'Sprint 1',
      '',
      '4',
      '0|c:',
      '05/Jan/24 10:00 AM',
      'jane@shop.dev',
      'SHOP-1',
      'High',
      '',
      '2',
      '',
    ],
    [
      'SHOP-3',
      'Refunds',
      'Story',
      'Waiting for QA',
      'Sprint 1',
      'Sprint 2',
      '3',
      '0|b:',
      '',
      'Jane Roe',
      '',
      '',
      '',
      '3',
      '03/Jan/24 9:00 AM;Ghost;Hello *there*',
    ],
    ['SHOP-4', 'Write test', 'Sub-task', 'Closed', '', '', '', '', '', 'Nobody Known', '', '', '3', '4', ''],
    ['SHOP-5', '', 'Story', 'To Do', '', '', '', '', '', '', '', '', '', '5', ''],
    ['OLD-9', 'Legacy', 'Improvement', 'Weird', '', '', 'x', '', '', '', '', '', '', '6', ''],
  ];
  const columns = csvColumns(headers);
  const issues = rows.map((cells, i) => issueFromCsv(columns, cells, i + 2));
  const plan = planImport(issues, context);

  it('reports what maps where, what is rounded and what is skipped', () => {
    expect(plan.report).toMatchObject({
      stories: 3,
      epics: 1,
      subtasks: 1,
      comments: 1,
      sprints: 2,
      created: 3,
      updated: 0,
      users: { matched: 2, unmatched: ['Ghost', 'Nobody Known'] },
      points: { kept: 1, rounded: [{ key: 'SHOP-2', from: 4, to: 5 }], dropped: 1 },
      skipped: [{ line: 6, key: 'SHOP-5', reason: 'the Summary is empty' }],
    });
    expect(plan.report.statuses).toEqual([
      { from: 'Waiting for QA', to: 'In Progress' },
      { from: 'Done', to: 'Done' },
      { from: 'Weird', to: 'To Do' },
      { from: 'Closed', to: 'Done' },
    ]);
  });

  it('keeps the Jira key when the number is free, else gives a new one, and orders by Jira rank', () => {
    expect(plan.stories.map((s) => [s.externalKey, s.number])).toEqual([
      ['SHOP-3', 3],
      ['SHOP-2', null],
      ['OLD-9', null],
    ]);
  });

  it('maps epics, priorities, sprints and closed-sprint points', () => {
    const pay = plan.stories.find((s) => s.externalKey === 'SHOP-2')!;
    expect(pay).toMatchObject({
      epicKey: 'SHOP-1',
      labels: ['priority:High'],
      statusId: 's-done',
      sprintName: 'Sprint 1',
      assigneeId: 'u-jane',
      points: 5,
    });
    const refunds = plan.stories.find((s) => s.externalKey === 'SHOP-3')!;
    expect(refunds).toMatchObject({
      sprintName: 'Sprint 2',
      spilledFrom: ['Sprint 1'],
      assigneeId: 'u-jane',
    });
    expect(plan.sprints).toEqual([
      {
        name: 'Sprint 1',
        state: 'closed',
        startDate: '2023-12-23',
        endDate: '2024-01-05',
        committedPoints: 8,
        completedPoints: 5,
        completedAt: '2024-01-05T23:59:59.000Z',
      },
      {
        name: 'Sprint 2',
        state: 'planned',
        startDate: null,
        endDate: null,
        committedPoints: null,
        completedPoints: null,
        completedAt: null,
      },
    ]);
  });

  it('keeps sub-tasks under their parent and comments with their author as a name', () => {
    expect(plan.subtasks).toEqual([
      { externalKey: 'SHOP-4', parentKey: 'SHOP-3', title: 'Write test', done: true, assigneeId: null },
    ]);
    expect(plan.comments).toEqual([
      {
        storyKey: 'SHOP-3',
        at: '2024-01-03T09:00:00.000Z',
        authorId: null,
        authorName: 'Ghost',
        body: 'Hello **there**',
      },
    ]);
  });

  it('updates the stories of an earlier import instead of adding copies, and follows the mapping', () => {
    const again = planImport(issues, {
      ...context,
      existingStories: new Map([
        ['SHOP-3', { number: 3 }],
        ['SHOP-2', { number: 7 }],
        ['OLD-9', { number: 8 }],
      ]),
      overrides: { statuses: { Weird: 's-doing' }, people: { Ghost: 'u-john' } },
    });
    expect(again.report).toMatchObject({ created: 0, updated: 3 });
    expect(again.stories.map((s) => s.number)).toEqual([3, 7, 8]);
    expect(again.stories.find((s) => s.externalKey === 'OLD-9')!.statusId).toBe('s-doing');
    expect(again.comments[0]).toMatchObject({ authorId: 'u-john', authorName: 'John Doe' });
  });
});

describe('Markdown back to Jira wiki markup', () => {
  it('gives the same Markdown when imported again', () => {
    const markdown = [
      '## Steps',
      '1. open an order',
      '  1. then `Refund`',
      '- a **bold** and *italic* ~~old~~ word',
      '> quoted',
      'See [the log](https://logs.example.com/a_1), <https://x.dev> and @jsmith',
      '```js',
      'pay(*card_id*);',
      '```',
      '```',
      'raw',
      '```',
    ].join('\n');
    const wiki = markdownToJira(markdown);
    expect(wiki).toContain(
      'h2. Steps\n# open an order\n## then {{Refund}}\n* a *bold* and _italic_ -old- word\nbq. quoted',
    );
    expect(jiraToMarkdown(wiki)).toBe(markdown);
  });
});
