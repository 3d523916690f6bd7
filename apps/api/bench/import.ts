import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { statuses } from '@ordo/db';
import { eq } from 'drizzle-orm';
import { rowsOf } from '../src/backup/catalog';
import { readJiraCsv } from '../src/modules/imports/read-issues';
import { importFile, jiraCsv, type JiraRow } from '../test/jira-files';
import { benchApp } from './setup';

/**
 * A Jira migration: a generated 20,000-row "Export → CSV (all fields)" (epics, sprints, wiki-markup
 * descriptions, off-scale points, comments, sorted by key descending as Jira writes it) imported over HTTP
 * as the job it is: seconds to done and the process's peak RSS. Beside it, in the same run, reading the file
 * alone (parse, no database) and the raw-SQL floor: the same stories and one event each inserted in one
 * transaction in batches of 500, with no parsing, planning or query building.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
const BATCH = 500;
const STATUSES = ['To Do', 'In Progress', 'Done'];

function jiraRows(key: string): JiraRow[] {
  const rows: JiraRow[] = [];
  for (let n = ROWS; n >= 1; n--) {
    const epic = n <= 20;
    rows.push({
      Summary: epic ? `Epic ${n}` : `Story ${n}: let the buyer do thing number ${n}`,
      'Issue key': `${key}-${n}`,
      'Issue id': String(10_000 + n),
      'Issue Type': epic ? 'Epic' : ['Story', 'Bug', 'Task'][n % 3]!,
      Status: STATUSES[n % 3]!,
      Priority: ['High', 'Medium', 'Low'][n % 3]!,
      Assignee: n % 4 === 0 ? `Person ${n % 17}` : '',
      Created: '02/Jan/24 9:00 AM',
      Labels: n % 5 === 0 ? ['checkout', 'web'] : '',
      Description: `h2. Goal\nAs a *buyer* I want thing ${n}, _quickly_.\n# step one\n# step two\n{code}call(${n});{code}`,
      Sprint: n % 3 === 2 ? `Sprint ${n % 40}` : '',
      'Custom field (Story Points)': epic ? '' : String([1, 2, 3, 4, 5, 8, 13, 21][n % 8]),
      'Custom field (Epic Link)': epic ? '' : `${key}-${1 + (n % 20)}`,
      'Custom field (Epic Name)': epic ? `Epic ${n}` : '',
      'Custom field (Rank)': `0|i${String(n).padStart(6, '0')}:`,
      Comment: n % 5 === 0 ? `03/Jan/24 10:00 AM;Person ${n % 17};Looked at *${n}*` : '',
    });
  }
  return rows;
}

/** The process's resident set, sampled every 20 ms while `work` runs: the highest seen, in MB. */
async function peakRss<T>(work: () => Promise<T>) {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    const result = await work();
    return { result, peakMb: Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const bench = await benchApp(0);
const { po, database, key } = bench;
const base = `/api/projects/${key}`;
const file = Buffer.from(jiraCsv(jiraRows(key)));
console.log(
  `\nImport of a ${ROWS.toLocaleString()}-row Jira CSV (${(file.length / 1e6).toFixed(1)} MB) on ${database.kind}`,
);

const parseStart = performance.now();
const read = await readJiraCsv(Readable.from([file]));
console.log(
  `  read the file alone (parse, ${read.issues.length} issues, no database): ${seconds(performance.now() - parseStart)}`,
);

const rssBefore = process.memoryUsage.rss() / 1024 / 1024;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const { result: job, peakMb } = await peakRss(() => importFile(po, base, file));
const took = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
if (job.state !== 'done') throw new Error(`the import failed: ${job.error}`);
// The floor: the stories the import wrote and one event each, into a project of their own, in raw SQL.
const floorProject = (await po.post('/api/projects', { key: `F${key.slice(1)}`, name: 'Floor' })).body
  .project;
const [todo] = await database.db
  .select()
  .from(statuses)
  .where(eq(statuses.projectId, floorProject.id))
  .limit(1);
const stories = read.issues.filter((issue) => issue.type !== 'Epic');
const floorStart = performance.now();
await database.db.transaction(async (tx) => {
  const [locked] = await rowsOf<{ seq: number }>(
    tx,
    sql`select last_seq as seq from projects where id = ${floorProject.id} for update`,
  );
  const seq = locked!.seq;
  for (let start = 0; start < stories.length; start += BATCH) {
    const slice = stories.slice(start, start + BATCH);
    const rows = slice.map(
      (issue, i) =>
        sql`(${floorProject.id}, ${start + i + 1}, ${issue.summary}, ${issue.description}, ${todo!.id}, ${`a${String(start + i).padStart(6, '0')}`}, ${issue.key})`,
    );
    const written = await rowsOf<{ id: string; title: string }>(
      tx,
      sql`insert into stories (project_id, number, title, description, status_id, rank, external_key)
        values ${sql.join(rows, sql`, `)} returning id, title`,
    );
    const events = written.map(
      (row, i) =>
        sql`(${floorProject.id}, ${seq + start + i + 1}, 'story.created', 'Floor', ${row.id}, ${JSON.stringify({ story: row })}::jsonb)`,
    );
    await tx.execute(sql`insert into events (project_id, seq, type, actor_name, story_id, data)
      values ${sql.join(events, sql`, `)}`);
  }
});
const floor = performance.now() - floorStart;
console.log(
  `  import over HTTP (${job.report.stories} stories, ${job.report.epics} epics, ${job.report.sprints} sprints, ${job.report.comments} comments): ${seconds(took)} (${(took / floor).toFixed(1)}× the floor), peak RSS ${peakMb.toFixed(0)} MB (${rssBefore.toFixed(0)} MB before)`,
);
console.log(
  `  CPU time of this process during the import: ${seconds((cpu.user + cpu.system) / 1000)} (the API and the bench's client; on PGlite the database too)`,
);
console.log(
  `  floor: raw SQL (${stories.length} story rows + one event each, one transaction): ${seconds(floor)}`,
);
await bench.close();
