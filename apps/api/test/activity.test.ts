import { describe, expect, it } from 'vitest';
import { useTeam, type Team } from './harness';
import { expectInvalid } from './expect';

let team: Team, base: string;
useTeam((file) => ({ team, base } = file));

type Event = { seq: number; type: string; actor: { id: string | null } };
const page = async (query: string) => {
  const reply = await team.dev.get(`${base}/activity${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as { items: Event[]; nextBefore: number | null };
};

describe('the project activity feed', () => {
  it('lists the log newest first, filtered by person and by kind', async () => {
    const first = await team.po.post(`${base}/stories`, { title: 'Track a parcel' });
    const second = await team.dev.post(`${base}/stories`, { title: 'Print an invoice' });
    await team.dev.post(`${base}/stories/${first.body.story.key}/comments`, { body: 'Which carriers?' });
    await team.po.post(`${base}/backlog/rank`, {
      story: second.body.story.key,
      before: first.body.story.key,
    });

    const all = await page('');
    const seqs = all.items.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(all.items[0]?.type).toBe('story.ranked');

    const byDev = await page(`?actor=${team.dev.user!.id}`);
    expect(new Set(byDev.items.map((e) => e.actor.id))).toEqual(new Set([team.dev.user!.id]));
    expect(byDev.items.map((e) => e.type)).toEqual(['comment.added', 'story.created']);

    const comments = await page('?kind=comment');
    expect(comments.items.map((e) => e.type)).toEqual(['comment.added']);
    expect((await page(`?kind=story&actor=${team.po.user!.id}`)).items.map((e) => e.type)).toEqual([
      'story.ranked',
      'story.created',
    ]);
  });

  it('pages back through the whole log with nextBefore, without gaps or repeats', async () => {
    const everything = (await page('?limit=100')).items.map((e) => e.seq);
    const seen: number[] = [];
    let before: number | null = null;
    for (let i = 0; i < 50; i++) {
      const next: { items: Event[]; nextBefore: number | null } = await page(
        `?limit=3${before === null ? '' : `&before=${before}`}`,
      );
      seen.push(...next.items.map((e) => e.seq));
      before = next.nextBefore;
      if (before === null) break;
    }
    expect(seen).toEqual(everything);
  });

  it('refuses a kind it does not know, a bad person id and a bad page, naming the field', async () => {
    expectInvalid(await team.dev.get(`${base}/activity?kind=stories`), 'kind');
    expectInvalid(await team.dev.get(`${base}/activity?actor=someone`), 'actor');
    expectInvalid(await team.dev.get(`${base}/activity?before=0`), 'before');
    expectInvalid(await team.dev.get(`${base}/activity?limit=101`), 'limit');
  });

  it('tells an outsider nothing', async () => {
    expect((await team.outsider.get(`${base}/activity`)).status).toBe(404);
  });
});
