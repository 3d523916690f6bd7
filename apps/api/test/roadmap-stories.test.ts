import { describe, expect, it } from 'vitest';
import type { Db } from '@ordo/db';
import { readTeamStories, teamStories } from '../src/lib/team-stories';
import { useTeam, type Team, type TestApp } from './harness';
import { addStory, createEpic, finishStory } from './pm-helpers';

let t: TestApp;
let team: Team;
useTeam((file) => ({ t, team } = file));

/**
 * The roadmap keeps each team's stories and patches them from the event log (team-stories.ts). After every
 * kind of write, the kept list must be what reading every story afresh gives; a write that changes
 * stories without carrying them (an epic deleted) reads them again. `execute` is the full read's call
 * (the patch reads events with `select`), so counting it tells which way the list was brought up to date.
 */
describe("the roadmap's kept stories", () => {
  it('equal the stories read afresh after every kind of write, patched from the events', async () => {
    let fullReads = 0;
    const db = t.database.db;
    const counted = new Proxy(db, {
      get: (target, prop) =>
        prop === 'execute'
          ? (...args: Parameters<Db['execute']>) => (fullReads++, target.execute(...args))
          : (Reflect.get(target, prop) as unknown),
    });
    const project = { id: team.project.id as string, key: team.key };
    const base = `/api/projects/${team.key}`;
    const same = async () =>
      expect(await teamStories(counted, project)).toEqual(await readTeamStories(db, project));

    const payments = await createEpic(team, { title: 'Payments' });
    const search = await createEpic(team, { title: 'Search' });
    const keys: string[] = [];
    for (let i = 0; i < 6; i++)
      keys.push((await addStory(team, `Story ${i}`, [1, 2, 3, 5, 8, 13][i]!, payments.id)).key);
    await same();
    expect(fullReads).toBe(1);

    const writes: [string, () => Promise<{ status: number }>][] = [
      ['rank move', () => team.po.post(`${base}/backlog/rank`, { story: keys[5], before: keys[0] })],
      [
        'edit',
        async () => {
          const { body } = await team.admin.get(`${base}/stories/${keys[1]}`);
          // The admin may estimate and link at once.
          return team.admin.patch(`${base}/stories/${keys[1]}`, {
            version: body.story.version,
            points: 13,
            epicId: search.id,
          });
        },
      ],
      ['create', () => team.admin.post(`${base}/stories`, { title: 'New', points: 2 })],
      ['delete', () => team.po.delete(`${base}/stories/${keys[2]}`)],
      ['restore', () => team.po.post(`${base}/stories/${keys[2]}/restore`)],
      [
        'plan',
        async () => {
          const sprint = await team.sm.post(`${base}/sprints`, { name: 'Sprint 1' });
          return team.sm.post(`${base}/sprints/${sprint.body.sprint.id}/stories`, { stories: [keys[3]] });
        },
      ],
      ['done', async () => (await finishStory(team, keys[4]!), { status: 200 })],
    ];
    for (const [what, write] of writes) {
      const reply = await write();
      expect(reply.status, what).toBeLessThan(300);
      await same();
    }
    expect(fullReads, 'every write above patched the kept list').toBe(1);

    const deleted = await team.pm.delete(`${base}/epics/${payments.id}`);
    expect(deleted.status).toBe(204);
    await same();
    expect(fullReads, 'an epic deleted (its stories unlinked without an event each): read again').toBe(2);
  });
});
