import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { stories } from '@ordo/db';
import { useTeam, type TestApp, type Team } from './harness';
import { authzFixture, loadAuthzCases } from './authz/fixture';
import { newInviteeEmail } from './invitation-helpers';
import { sqlRecorder } from './sql-recorder';
import { EXCEPTIONS, SHARD_KEYS, unshardedStatements } from './shard-rule';

/**
 * Shardable by project: every statement the API sends on a project- or product-scoped table pins its shard
 * key (test/shard-rule.ts says exactly what that means and lists the deliberate exceptions). Every API test
 * file checks the statements its app sent (test/shard-check.setup.ts); this file proves the check can fail,
 * and that one request of every project route reaches every scoped table, so the check is not vacuous.
 */
let t: TestApp;
let team: Team;
let base: string;
useTeam((file) => ({ t, team, base } = file));

const flagged = (sql: string) => unshardedStatements([sql]).map((v) => `${v.table}: ${v.problem}`);

describe('the shard-key check', () => {
  it('flags a write by bare primary key, and passes it with the project', () => {
    expect(flagged(`update "stories" set "title" = $1 where "stories"."id" = $2`)).toEqual([
      'stories: not pinned by project_id',
    ]);
    expect(
      flagged(
        `update "stories" set "title" = $1 where ("stories"."project_id" = $2 and "stories"."id" = $3)`,
      ),
    ).toEqual([]);
    expect(flagged(`delete from comments where id = $1`)).toEqual(['comments: not pinned by project_id']);
    expect(flagged(`delete from epics where id = $1`)).toEqual(['epics: not pinned by product_id']);
  });

  it('counts only a condition that picks the shard by value, never one under OR or another operator', () => {
    expect(flagged(`select * from stories where project_id = $1 or id = $2`)).toHaveLength(1);
    expect(flagged(`select * from stories where project_id <> $1`)).toHaveLength(1);
    expect(flagged(`select * from stories where project_id = project_id`)).toHaveLength(1);
    expect(flagged(`select * from stories where (project_id = $1 and id = $2) or (project_id = $3)`)).toEqual(
      [],
    );
    expect(flagged(`select * from stories where project_id in ($1, $2)`)).toEqual([]);
    expect(flagged(`select * from stories where project_id = any($1)`)).toEqual([]);
    expect(
      flagged(`select * from stories where project_id in (select id from projects where id = $1)`),
    ).toEqual([]);
  });

  it('pins a joined table only through a pinned one, in its own scope or the one around it', () => {
    expect(
      flagged(
        `select * from stories join statuses on statuses.id = stories.status_id where stories.project_id = $1`,
      ),
    ).toEqual(['statuses: not pinned by project_id']);
    expect(
      flagged(
        `select * from stories s join statuses st on st.project_id = s.project_id and st.id = s.status_id where s.project_id = $1`,
      ),
    ).toEqual([]);
    // Two tables joined on the key, neither pinned: every shard would answer.
    expect(
      flagged(
        `select * from stories join statuses on statuses.project_id = stories.project_id where stories.number = $1`,
      ),
    ).toHaveLength(2);
    expect(
      flagged(
        `update stories set subtasks_total = (select count(*) from subtasks where subtasks.story_id = stories.id) where project_id = $1`,
      ),
    ).toEqual(['subtasks: not pinned by project_id']);
    expect(
      flagged(
        `update stories set subtasks_total = (select count(*) from subtasks where subtasks.project_id = stories.project_id and subtasks.story_id = stories.id) where project_id = $1`,
      ),
    ).toEqual([]);
    // A WITH query is no table; the tables inside it are checked where they are read.
    expect(flagged(`with mine as (select id from stories where project_id = $1) select * from mine`)).toEqual(
      [],
    );
    expect(flagged(`with mine as (select id from stories) select * from mine`)).toHaveLength(1);
  });

  it('wants the key in every INSERT and never changed by an UPDATE', () => {
    expect(flagged(`insert into subtasks (story_id, title) values ($1, $2)`)).toEqual([
      'subtasks: inserts no project_id',
    ]);
    expect(flagged(`insert into subtasks (project_id, story_id, title) values ($1, $2, $3)`)).toEqual([]);
    expect(flagged(`update stories set project_id = $1 where project_id = $2`)).toEqual([
      'stories: changes its project_id (moves the row to another shard)',
    ]);
  });

  it('accepts a listed exception for its column only, and keys the inbox by its reader', () => {
    expect(EXCEPTIONS.find((e) => e.table === 'projects' && e.column === 'key')).toBeDefined();
    expect(flagged(`select id from projects where key = $1`)).toEqual([]);
    expect(flagged(`select id from projects where name = $1`)).toEqual(['projects: not pinned by id']);
    expect(flagged(`select * from notifications where id = $1`)).toEqual([
      'notifications: not pinned by user_id',
    ]);
    expect(flagged(`select * from notifications where user_id = $1 and id = $2`)).toEqual([]);
    expect(flagged(`select * from users where id = $1`)).toEqual([]);
    // An exception narrowed to one shape of statement excuses nothing else on that column.
    expect(flagged(`select count(*) from "statuses" where "statuses"."id" in ($1, $2)`)).toEqual([]);
    expect(flagged(`delete from "statuses" where "statuses"."id" in ($1, $2)`)).toHaveLength(1);
  });

  it('catches a planted statement the app sends, and records only what the app sends', async () => {
    const story = (await team.admin.post(`${base}/stories`, { title: 'Planted' })).body.story;
    const { db } = t.database;
    // The test's own statements are not the app's: not recorded.
    await db.select().from(stories).where(eq(stories.id, story.id));
    const before = new Set(sqlRecorder.statements());
    await sqlRecorder.asApp(async () => {
      await db.update(stories).set({ title: 'x' }).where(eq(stories.id, story.id));
    });
    const planted = sqlRecorder.statements().filter((s) => !before.has(s));
    expect(planted).toEqual([`update "stories" set "title" = $1 where "stories"."id" = $2`]);
    expect(unshardedStatements(sqlRecorder.statements())).toEqual([
      { table: 'stories', problem: 'not pinned by project_id', sql: planted[0] },
    ]);
    sqlRecorder.discard(planted[0]!);
    expect(unshardedStatements(sqlRecorder.statements())).toEqual([]);
  });
});

describe('the API', () => {
  it("reaches every scoped table from the project routes (and a product's invitations), each statement pinned", async () => {
    const fixture = authzFixture(t, team);
    for (const c of await loadAuthzCases()) {
      const { path, body } = await c.request(fixture, team.admin);
      const reply = await team.admin.request(c.route.split(' ')[0]!, path, body);
      expect(reply.status, `${c.route} ${JSON.stringify(reply.body)}`).toBeLessThan(300);
    }
    // No team route reaches a product's invitations: the team's own product (its creator is its admin) does.
    const invited = await team.admin.post(`/api/products/${team.key}/invitations`, {
      email: newInviteeEmail(),
      roles: ['stakeholder'],
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const token = String(invited.body.invitation.acceptUrl).split('/').at(-1)!;
    const joiner = await t.register('Joining the product');
    expect((await joiner.post(`/api/invitations/${token}/accept`, {})).status).toBe(200);
    const sent = sqlRecorder.statements();
    const touched = [...SHARD_KEYS.keys()].filter((table) =>
      sent.some((s) => s.includes(`"${table}"`) || new RegExp(`\\b${table}\\b`).test(s)),
    );
    expect(touched.sort()).toEqual([...SHARD_KEYS.keys()].sort());
    expect(unshardedStatements(sent)).toEqual([]);
    // About a hundred requests one after another: a minute or more on a busy machine.
  }, 240_000);
});
