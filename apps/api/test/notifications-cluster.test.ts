import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  startSecondInstance,
  startTestApp,
  type SecondInstance,
  type Team,
  type TestApp,
} from './harness';
import { openLive } from './live-socket';
import { inbox } from './notification-helpers';
import { newStory } from './sprint-helpers';

/** A notification written through one instance reaches the user's sockets on another (PostgreSQL only, as live-cluster). */
const onPostgres = process.env.ORDO_TEST_DB === 'postgres' && Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)('notifications across two API instances', () => {
  let a: TestApp;
  let b: SecondInstance;
  let team: Team;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startSecondInstance(a);
    team = await a.projectWithTeam();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('reaches the user’s sockets on both instances when the change is made on one', async () => {
    const onA = await openLive(a.url, team.dev);
    const onB = await openLive(b.url, team.dev);
    const base = `/api/projects/${team.key}`;
    const po = new Client(b.url, team.po.token, team.po.user);
    const key = await newStory(po, base);
    await po.patch(`${base}/stories/${key}`, { version: 1, assigneeId: team.dev.user!.id });
    const [stored] = (await inbox(team.dev)).items;
    expect(stored).toMatchObject({ type: 'assigned', story: { key } });
    for (const socket of [onA, onB]) {
      expect(await socket.waitFor((m) => m.type === 'notification')).toEqual({
        type: 'notification',
        notification: stored,
      });
      socket.close();
    }
  });
});
