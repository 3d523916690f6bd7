import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Team, type TestApp } from './harness';
import { openLive } from './live-socket';

let t: TestApp, team: Team;
beforeAll(async () => {
  t = await startTestApp({ live: { socketsPerUser: 3, replayPerMinute: 10 } });
  team = await t.projectWithTeam();
  for (let i = 0; i < 8; i++)
    await team.po.post(`/api/projects/${team.key}/stories`, { title: `Story ${i}` });
});
afterAll(() => t.close());

describe('live limits', () => {
  it('caps the sockets one person holds; others and a freed place are not affected', async () => {
    const open = [
      await openLive(t.url, team.dev),
      await openLive(t.url, team.dev),
      await openLive(t.url, team.dev),
    ];
    const extra = await openLive(t.url, team.dev);
    await extra.waitFor((m) => m.type === 'error' && m.code === 'rate_limited');
    expect(await extra.closed).toBe(1008);
    const someoneElse = await openLive(t.url, team.sm);
    someoneElse.send({ type: 'subscribe', project: team.key });
    await someoneElse.waitFor((m) => m.type === 'presence');
    open[0]!.close();
    await open[0]!.closed;
    const again = await openLive(t.url, team.dev);
    again.send({ type: 'subscribe', project: team.key });
    await again.waitFor((m) => m.type === 'presence');
    for (const socket of [...open.slice(1), someoneElse, again]) socket.close();
  });

  it('caps the events replayed to one socket: past the budget a subscribe gets resync', async () => {
    const socket = await openLive(t.url, team.pm);
    const lastSeq = (await team.pm.get(`/api/projects/${team.key}/events?limit=1`)).body.lastSeq as number;
    socket.send({ type: 'subscribe', project: team.key, since: lastSeq - 8 });
    await socket.waitFor((m) => m.type === 'event' && m.seq === lastSeq);
    expect(socket.messages.filter((m) => m.type === 'event')).toHaveLength(8);
    socket.send({ type: 'subscribe', project: team.key, since: lastSeq - 8 });
    await socket.waitFor((m) => m.type === 'resync');
    expect(socket.messages.filter((m) => m.type === 'event')).toHaveLength(8);
    socket.close();
  });
});
