import { request as httpRequest } from 'node:http';
import type { Client } from './harness';

/** A CSV cell as Jira's export writes it: quoted when it holds the delimiter, a quote or a line break. */
export const cell = (value: string, delimiter = ',') =>
  /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
export const csvLine = (cells: string[], delimiter = ',') =>
  cells.map((c) => cell(c, delimiter)).join(delimiter);

/** Jira's "Export → CSV (all fields)" headers, with its repeated Sprint, Labels and Comment columns. */
export const JIRA_HEADERS = [
  'Summary',
  'Issue key',
  'Issue id',
  'Parent id',
  'Issue Type',
  'Status',
  'Priority',
  'Resolution',
  'Assignee',
  'Reporter',
  'Created',
  'Updated',
  'Resolved',
  'Due Date',
  'Labels',
  'Labels',
  'Description',
  'Sprint',
  'Sprint',
  'Custom field (Story Points)',
  'Custom field (Epic Link)',
  'Custom field (Epic Name)',
  'Custom field (Rank)',
  'Comment',
  'Comment',
  'Outward issue link (Blocks)',
  'Inward issue link (Blocks)',
] as const;
type Header = (typeof JIRA_HEADERS)[number];
export type JiraRow = Partial<Record<Header, string | [string, string]>>;

/** A Jira CSV of `rows`; a pair fills a repeated column's two copies. */
export function jiraCsv(rows: JiraRow[], { delimiter = ',', eol = '\r\n' } = {}) {
  const seen = new Map<string, number>();
  const slots = JIRA_HEADERS.map((h) => {
    const n = seen.get(h) ?? 0;
    seen.set(h, n + 1);
    return [h, n] as const;
  });
  const line = (row: JiraRow) =>
    csvLine(
      slots.map(([h, n]) => {
        const value = row[h];
        return Array.isArray(value) ? (value[n] ?? '') : n === 0 ? (value ?? '') : '';
      }),
      delimiter,
    );
  return [csvLine([...JIRA_HEADERS], delimiter), ...rows.map(line)].join(eol) + eol;
}

/**
 * A Jira project in the shape of a real export: an epic, two closed sprints and an open one, stories with
 * wiki-markup descriptions spanning lines, off-scale points, priorities, comments, links, a sub-task, and
 * people both members (`member` emails) and not. Sorted by key descending, as Jira exports are.
 */
export function sampleRows(prefix: string, member: { email: string; name: string }): JiraRow[] {
  return [
    {
      Summary: 'Write the card form test',
      'Issue key': `${prefix}-7`,
      'Issue id': '10007',
      'Parent id': '10003',
      'Issue Type': 'Sub-task',
      Status: 'Done',
      Assignee: member.email,
      Created: '03/Jan/24 9:00 AM',
      'Custom field (Rank)': '0|i0000z:',
    },
    {
      Summary: 'Export invoices',
      'Issue key': `${prefix}-6`,
      'Issue id': '10006',
      'Issue Type': 'Task',
      Status: 'To Do',
      Priority: 'Low',
      Reporter: 'Zoe Outside',
      Created: '10/Jan/24 1:00 PM',
      Updated: '11/Jan/24 1:00 PM',
      'Custom field (Story Points)': '21',
      'Custom field (Rank)': '0|i0000e:',
      'Due Date': '2024-03-01',
    },
    {
      Summary: 'Refund a payment',
      'Issue key': `${prefix}-5`,
      'Issue id': '10005',
      'Issue Type': 'Bug',
      Status: 'In Progress',
      Priority: 'High',
      Assignee: 'Ghost Writer',
      Reporter: member.email,
      Created: '05/Jan/24 10:00 AM',
      Updated: '20/Jan/24 10:00 AM',
      Sprint: ['Sprint 2', 'Sprint 3'],
      'Custom field (Story Points)': '4',
      'Custom field (Epic Link)': `${prefix}-1`,
      'Custom field (Rank)': '0|i0000c:',
      'Inward issue link (Blocks)': `${prefix}-3`,
      Comment: [
        '06/Jan/24 11:30 AM;Ghost Writer;Seen in *prod*',
        `07/Jan/24 2:15 PM;${member.email};Fixing it`,
      ],
      Description:
        'h2. Steps\n# open an order\n# press {{Refund}}\n\nSee [the log|https://logs.example.com/a_1]',
    },
    {
      Summary: 'Pay by card',
      'Issue key': `${prefix}-3`,
      'Issue id': '10003',
      'Issue Type': 'Story',
      Status: 'Done',
      Resolution: 'Done',
      Priority: 'Medium',
      Assignee: member.name,
      Created: '02/Jan/24 9:00 AM',
      Updated: '12/Jan/24 5:00 PM',
      Resolved: '12/Jan/24 5:00 PM',
      Sprint: ['Sprint 1', 'Sprint 2'],
      Labels: ['checkout', 'payments'],
      'Custom field (Story Points)': '5.0',
      'Custom field (Epic Link)': `${prefix}-1`,
      'Custom field (Rank)': '0|i0000a:',
      Description: 'As a buyer I pay by *card*, _quickly_.\n{code:js}\npay(card_id);\n{code}',
      'Outward issue link (Blocks)': `${prefix}-5`,
    },
    {
      Summary: 'Show the basket',
      'Issue key': `${prefix}-2`,
      'Issue id': '10002',
      'Issue Type': 'Story',
      Status: 'Done',
      Resolution: 'Done',
      Created: '01/Jan/24 9:00 AM',
      Resolved: '04/Jan/24 5:00 PM',
      Sprint: 'Sprint 1',
      'Custom field (Story Points)': '3',
      'Custom field (Epic Link)': `${prefix}-1`,
      'Custom field (Rank)': '0|i00008:',
    },
    {
      Summary: 'Checkout',
      'Issue key': `${prefix}-1`,
      'Issue id': '10001',
      'Issue Type': 'Epic',
      Status: 'In Progress',
      'Custom field (Epic Name)': 'Checkout v2',
      Description: 'Buy *fast*',
      Created: '01/Jan/24 8:00 AM',
      'Custom field (Rank)': '0|i00004:',
    },
  ];
}

/** Sends a file as the request body with its own content type. */
export async function upload(client: Client, path: string, body: string | Buffer, contentType = 'text/csv') {
  const res = await fetch(`${client.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Waits for the import to end: each request answers once it has (bounded: a stuck import fails the test). */
export async function finished(client: Client, base: string, id: string) {
  for (let i = 0; i < 30; i++) {
    const reply = await client.get(`${base}/imports/${id}?wait=true`);
    if (reply.status !== 200) throw new Error(`${reply.status} ${JSON.stringify(reply.body)}`);
    if (reply.body.import.state !== 'running') return reply.body.import;
  }
  throw new Error('the import did not finish');
}

/** Uploads and waits for the job: the finished import. */
export async function importFile(
  client: Client,
  base: string,
  body: string | Buffer,
  format = 'jira-csv',
  contentType = 'text/csv',
) {
  const started = await upload(client, `${base}/imports?format=${format}`, body, contentType);
  if (started.status !== 202) throw new Error(`${started.status} ${JSON.stringify(started.body)}`);
  return finished(client, base, started.body.import.id);
}

/** A request that claims a large body without sending it: what the server answers to the header alone. */
export function claimLength(
  client: Client,
  path: string,
  length: number,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${client.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        'content-length': String(length),
        authorization: `Bearer ${client.token}`,
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.write('Summary\r\n');
  });
}

/** Streams a body without a length (chunked) until the server answers, at most `maxBytes`. */
export function streamUntilAnswered(
  client: Client,
  path: string,
  maxBytes: number,
): Promise<{ status: number; body: any; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(`${client.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        'transfer-encoding': 'chunked',
        authorization: `Bearer ${client.token}`,
      },
    });
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), sent });
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.from(`${'Summary\r\n'}${'x'.repeat(1024 * 1024 - 9)}`);
    const write = () => {
      while (!answered && sent < maxBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}
