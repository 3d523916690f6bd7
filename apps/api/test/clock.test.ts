import { describe, expect, it } from 'vitest';
import { useFile, startTestApp } from './harness';

/** The app's clock, set by the test: "today" is whatever day it says, on every route that asks. */
let now = new Date('2031-03-10T12:00:00.000Z');
let file: Awaited<ReturnType<typeof start>>;
async function start() {
  const t = await startTestApp({ clock: () => now });
  return { t, team: await t.projectWithTeam() };
}
useFile(start, (started) => (file = started));

describe('the clock passed into buildApp', () => {
  it('decides what is overdue and which days a chart covers', async () => {
    const { team } = file;
    const base = `/api/projects/${team.key}`;
    const created = await team.po.post(`${base}/stories`, { title: 'Due soon', dueDate: '2031-03-09' });
    expect(created.status).toBe(201);
    const overdue = async () =>
      ((await team.po.get(`${base}/stories?due=overdue`)).body.items as { key: string }[]).map((s) => s.key);

    expect(await overdue()).toEqual([created.body.story.key]);
    const flow = await team.po.get(`${base}/reports/cumulative-flow`);
    expect(flow.status).toBe(200);
    expect(flow.body.days.at(-1).date).toBe('2031-03-10');

    now = new Date('2031-03-08T23:59:00.000Z');
    expect(await overdue()).toEqual([]);
  });
});
