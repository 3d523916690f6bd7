import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@ordo/db';
import { copyOfTemplateDataDir, createEmptyDatabase, type FreshDatabase } from './database';
import { Client, startAppOn, type TestApp } from './harness';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const adminUrl = process.env.ORDO_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
const PASSWORD = 'correct horse battery';

/**
 * An empty instance database of the suite's kind: a new PostgreSQL database, or a PGlite folder, brand new
 * or (`migrated`) a copy of the run's migrated template, which spares the process initialising it.
 */
async function newInstance(migrated = false) {
  if (adminUrl) {
    const empty = await createEmptyDatabase(adminUrl);
    return { env: { DATABASE_URL: empty.url }, url: empty.url, drop: empty.drop };
  }
  const dataDir = migrated
    ? copyOfTemplateDataDir('ordo-backup-')
    : mkdtempSync(join(tmpdir(), 'ordo-backup-'));
  return {
    env: { DATABASE_URL: '', DATA_DIR: dataDir },
    dataDir,
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
type Instance = Awaited<ReturnType<typeof newInstance>>;

/** The server on an instance (closing it leaves the data in place). */
async function serve(instance: Instance): Promise<TestApp> {
  const database = await openDatabase({ url: instance.url, dataDir: instance.dataDir });
  const fresh: FreshDatabase = { database, drop: () => database.close() };
  return startAppOn(fresh);
}

/** `pnpm backup|restore` as the command line runs it: its exit code and what it printed. */
function run(instance: Instance, ...args: string[]) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/backup/cli.ts', ...args],
      { cwd: apiDir, env: { ...process.env, ...instance.env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

async function login(t: TestApp, email: string) {
  const reply = await t.anonymous.post('/api/auth/login', { email, password: PASSWORD });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return new Client(t.url, reply.headers.getSetCookie()[0]!.split(';')[0]!.split('=')[1]);
}

/** What a restored instance must serve again, read through the API. */
async function snapshot(t: TestApp, email: string, key: string) {
  const user = await login(t, email);
  const me = await user.get('/api/me');
  const story = await user.get(`/api/projects/${key}/stories/${key}-1`);
  const comments = await user.get(`/api/projects/${key}/stories/${key}-1/comments`);
  const events = await user.get(`/api/projects/${key}/events?since=0&limit=500`);
  const list = await user.get(`/api/projects/${key}/stories?limit=500`);
  return { me: me.body, story: story.body, comments: comments.body, events: events.body, list: list.body };
}

describe('pnpm backup and pnpm restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ordo-backup-file-'));
  const file = join(dir, 'instance.ordo.gz');
  let source: Instance;
  let target: Instance;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let email: string;
  let key: string;

  beforeAll(async () => {
    // The target is a brand-new install (the restore initialises it); the source need not be.
    source = await newInstance(true);
    target = await newInstance();
    const t = await serve(source);
    const team = await t.projectWithTeam();
    key = team.key;
    email = team.po.user!.email;
    const created = await team.po.post(`/api/projects/${key}/stories`, {
      title: 'Ship the backup',
      description: 'with *all* the data — ünïcödé',
      labels: ['ops'],
    });
    expect(created.status).toBe(201);
    await team.dev.post(`/api/projects/${key}/stories/${key}-1/comments`, { body: 'On it' });
    await team.po.post(`/api/projects/${key}/stories`, { title: 'Second' });
    before = await snapshot(t, email, key);
    expect(before.story.story.title).toBe('Ship the backup');
    expect(before.comments.items).toHaveLength(1);
    expect(before.events.items.length).toBeGreaterThan(3);
    // PostgreSQL: taken while the server runs (one snapshot); PGlite is one process's, so it stops first.
    if (!adminUrl) await t.close();
    const backup = await run(source, 'backup', file);
    expect(backup.code, backup.out).toBe(0);
    if (adminUrl) await t.close();
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a compressed, versioned file', () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'ordo-backup', version: 1 });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ $: 'end', rows: { users: 7, stories: 2 } });
  });

  it('restores into an empty database: the API serves the same users, stories and events', async () => {
    const restore = await run(target, 'restore', file);
    expect(restore.code, restore.out).toBe(0);
    const t = await serve(target);
    try {
      expect(await snapshot(t, email, key)).toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('refuses a database that is not empty, and changes nothing in it', async () => {
    const t = await serve(target);
    const po = await login(t, email);
    expect((await po.post(`/api/projects/${key}/stories`, { title: 'Written after' })).status).toBe(201);
    if (!adminUrl) await t.close();
    const restore = await run(target, 'restore', file);
    expect(restore.code).toBe(1);
    expect(restore.out).toContain('not empty');
    expect(restore.out).toContain('--force');
    const reopened = adminUrl ? t : await serve(target);
    try {
      const after = await (await login(reopened, email)).get(`/api/projects/${key}/stories/${key}-3`);
      expect(after.body.story.title).toBe('Written after');
    } finally {
      await reopened.close();
    }
  });

  it('with --force replaces everything in it', async () => {
    const restore = await run(target, 'restore', file, '--force');
    expect(restore.code, restore.out).toBe(0);
    const t = await serve(target);
    try {
      expect(await snapshot(t, email, key)).toEqual(before);
      const po = await login(t, email);
      expect((await po.get(`/api/projects/${key}/stories/${key}-3`)).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('refuses a file cut short, a file that is no backup and a newer version, restoring nothing', async () => {
    const fresh = await newInstance(true);
    try {
      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      const cut = join(dir, 'cut.gz');
      writeFileSync(cut, gzipSync(lines.slice(0, -2).join('\n') + '\n'));
      const newer = join(dir, 'newer.gz');
      const header = { ...JSON.parse(lines[0]!), version: 99 };
      writeFileSync(newer, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
      const notGzip = join(dir, 'plain.json');
      writeFileSync(notGzip, '{"format":"ordo-export"}');
      const refusals = {
        [cut]: 'cut short',
        [newer]: 'format version 99',
        [notGzip]: 'not an Ordo backup',
      };
      for (const [path, reason] of Object.entries(refusals)) {
        const restore = await run(fresh, 'restore', path);
        expect(restore.code, restore.out).toBe(1);
        expect(restore.out).toContain(reason);
      }
      // Still empty: a plain restore is accepted.
      expect((await run(fresh, 'restore', file)).code).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
