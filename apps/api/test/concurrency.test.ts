import { describe, expect, it } from 'vitest';
import { useTeam, type Team } from './harness';

let team: Team, base: string;
useTeam((file) => ({ team, base } = file));

// The project lock (`writeInProject`'s select … for update) is what these prove, on PostgreSQL: without it
// they fail there (duplicate seqs, 500s). PGlite has a single connection, so its transactions take turns anyway.
describe('concurrent backlog moves', () => {
  it('keeps every story exactly once, with unique ranks and a gap-free log, under 20 simultaneous moves', async () => {
    const keys: string[] = [];
    for (let i = 0; i < 12; i++)
      keys.push((await team.po.post(`${base}/stories`, { title: `Story ${i}` })).body.story.key);
    const seqBefore = (await team.po.get(`${base}/events?limit=1`)).body.lastSeq;

    // Half of the moves pick the very same spot (just before the first story): they must all land.
    const moves = Array.from({ length: 20 }, (_, i) => {
      const story = keys[(i % 11) + 1]!;
      return i % 2 === 0
        ? { story, before: keys[0] }
        : { story, after: keys[(i * 7) % 12] === story ? keys[0] : keys[(i * 7) % 12] };
    });
    const replies = await Promise.all(moves.map((move) => team.po.post(`${base}/backlog/rank`, move)));
    expect(replies.map((r) => r.status)).toEqual(moves.map(() => 200));

    const backlog = (await team.po.get(`${base}/backlog`)).body.items as { key: string; rank: string }[];
    expect(backlog.map((s) => s.key).sort()).toEqual([...keys].sort());
    expect(new Set(backlog.map((s) => s.rank)).size).toBe(keys.length);
    const ranks = backlog.map((s) => s.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const events = (await team.po.get(`${base}/events?since=${seqBefore}&limit=1000`)).body;
    expect(events.items.map((e: { seq: number }) => e.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => seqBefore + i + 1),
    );
    expect(events.lastSeq).toBe(seqBefore + 20);
  });

  it('keeps every story once, ranks unique and the log gap-free under 8 movers for a bounded time', async () => {
    const keys: string[] = [];
    for (let i = 0; i < 16; i++)
      keys.push((await team.po.post(`${base}/stories`, { title: `Mover ${i}` })).body.story.key);
    const seqBefore = (await team.po.get(`${base}/events?limit=1`)).body.lastSeq;
    // Each mover stops at its deadline or after 60 moves, whichever comes first: bounded either way.
    const deadline = Date.now() + 4000;
    const mover = async (c: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < 60 && Date.now() < deadline; i++) {
        const story = keys[(c * 5 + i * 3) % keys.length]!;
        const other = keys[(c + i * 7 + 1) % keys.length]!;
        const move =
          other === story
            ? { story, before: keys[(keys.indexOf(story) + 1) % keys.length] }
            : i % 2
              ? { story, before: other }
              : { story, after: other };
        statuses.push((await team.po.post(`${base}/backlog/rank`, move)).status);
      }
      return statuses;
    };
    const statuses = (await Promise.all(Array.from({ length: 8 }, (_, c) => mover(c)))).flat();
    expect(statuses.length).toBeGreaterThan(8);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    const backlog = (await team.po.get(`${base}/backlog`)).body.items as { key: string; rank: string }[];
    const mine = backlog.filter((s) => keys.includes(s.key));
    expect(mine.map((s) => s.key).sort()).toEqual([...keys].sort());
    expect(new Set(backlog.map((s) => s.rank)).size).toBe(backlog.length);
    const events = (await team.po.get(`${base}/events?since=${seqBefore}&limit=1000`)).body;
    expect(events.items.map((e: { seq: number }) => e.seq)).toEqual(
      statuses.map((_, i) => seqBefore + i + 1),
    );
    expect(events.items.every((e: { type: string }) => e.type === 'story.ranked')).toBe(true);
  });

  it('numbers stories created at the same time without gaps or duplicates', async () => {
    const replies = await Promise.all(
      Array.from({ length: 15 }, (_, i) => team.dev.post(`${base}/stories`, { title: `Parallel ${i}` })),
    );
    const numbers = replies.map((r) => r.body.story.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 15 }, (_, i) => numbers[0]! + i));
  });
});

describe('the event log', () => {
  it('reads events after a seq, at most limit, with the latest seq', async () => {
    const all = (await team.stakeholder.get(`${base}/events?since=0&limit=1000`)).body;
    expect(all.items.map((e: { seq: number }) => e.seq)).toEqual(
      Array.from({ length: all.lastSeq }, (_, i) => i + 1),
    );
    expect(all.items[0]).toMatchObject({ seq: 1, type: 'project.created', actor: { name: 'Admin' } });
    const page = (await team.stakeholder.get(`${base}/events?since=3&limit=2`)).body;
    expect(page.items.map((e: { seq: number }) => e.seq)).toEqual([4, 5]);
    expect(page.lastSeq).toBe(all.lastSeq);
    const bad = await team.stakeholder.get(`${base}/events?since=-1`);
    expect(bad.status).toBe(400);
  });
});
