import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { CHROMIUM, snap, startTeam, waitForLive, type Team } from './setup';

const KEY = 'FND';
const TITLES = [
  'Sign up with email',
  'Print an invoice',
  'Rate a product',
  'Cancel an order',
  'Gift wrap an order',
];

const keysOf = (rows: Locator) => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-story')));
/** Until the list shows exactly `keys` (a filter's answer arriving), bounded by Playwright's timeout. */
const waitForKeys = (rows: Locator, keys: string[]) =>
  rows
    .page()
    .waitForFunction(
      ([selector, want]) =>
        [...document.querySelectorAll(selector)].map((el) => el.getAttribute('data-story')).join() === want,
      ['.story-list [data-story]', keys.join()] as const,
    );
const focusedStory = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.closest('.story-list [data-story]')?.getAttribute('data-story') ?? null,
  );

describe.skipIf(!CHROMIUM)('finding and reading stories', () => {
  let team: Team;
  let doneId: string;
  beforeAll(async () => {
    team = await startTeam(KEY, TITLES);
    const { statuses } = await team.admin.call<{ statuses: { id: string; name: string }[] }>(
      'GET',
      `/projects/${KEY}/statuses`,
    );
    await team.admin.call('POST', `/projects/${KEY}/stories/${KEY}-2/transition`, {
      statusId: statuses.find((s) => s.name === 'Done')!.id,
    });
    const { story } = await team.admin.call<{ story: { version: number } }>(
      'GET',
      `/projects/${KEY}/stories/${KEY}-3`,
    );
    await team.admin.call('PATCH', `/projects/${KEY}/stories/${KEY}-3`, {
      version: story.version,
      description:
        'Stars from **one to five**, after [the guide](https://example.com/guide). Needs FND-1.\n\n<img src=x onerror="window.__xss=1">',
    });
    await team.admin.call('DELETE', `/projects/${KEY}/stories/${KEY}-5`);
    // A running sprint: FND-1 in progress with one of its two sub-tasks done; FND-3 blocked by FND-4 (in the backlog).
    const today = new Date().toISOString().slice(0, 10);
    const end = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
    const base = `/projects/${KEY}`;
    const { sprint } = await team.admin.call<{ sprint: { id: string } }>('POST', `${base}/sprints`, {
      name: 'Sprint 1',
      startDate: today,
      endDate: end,
    });
    await team.admin.call('POST', `${base}/sprints/${sprint.id}/stories`, {
      stories: [`${KEY}-1`, `${KEY}-3`],
    });
    await team.admin.call('POST', `${base}/sprints/${sprint.id}/start`, {});
    await team.admin.call('POST', `${base}/stories/${KEY}-1/transition`, {
      statusId: statuses.find((s) => s.name === 'In Progress')!.id,
    });
    const { subtask } = await team.admin.call<{ subtask: { id: string } }>(
      'POST',
      `${base}/stories/${KEY}-1/subtasks`,
      { title: 'Write the form' },
    );
    await team.admin.call('POST', `${base}/stories/${KEY}-1/subtasks`, { title: 'Test it' });
    await team.admin.call('PATCH', `${base}/stories/${KEY}-1/subtasks/${subtask.id}`, { done: true });
    await team.admin.call('POST', `${base}/stories/${KEY}-4/links`, { type: 'blocks', story: `${KEY}-3` });
    doneId = statuses.find((s) => s.name === 'Done')!.id;
  });
  afterAll(() => team?.close());

  it('search finds a done story by a word, as you type, and opens it', async () => {
    const { dev } = team;
    await dev.goto(`/projects/${KEY}/backlog`);
    await dev.locator('[data-story]').first().waitFor();
    // Done, so no longer in the backlog: only search finds it.
    expect(await dev.locator(`[data-story="${KEY}-2"]`).count()).toBe(0);
    await dev.keyboard.press('/');
    await dev.keyboard.type('invoi');
    const option = dev.getByRole('option', { name: new RegExp(`${KEY}-2`) });
    await option.waitFor();
    await snap(dev, 'web-search');
    await dev.keyboard.press('Enter');
    // In the drawer over the backlog, which stays behind it.
    await dev.waitForURL(`**/projects/${KEY}/backlog?story=${KEY}-2`);
    const drawer = dev.getByRole('dialog', { name: `Story ${KEY}-2` });
    await expect
      .poll(() => drawer.getByRole('textbox', { name: 'Title' }).first().inputValue(), { timeout: 10_000 })
      .toBe('Print an invoice');
    expect(await dev.locator('.backlog-scroll [data-story]').count()).toBeGreaterThan(0);
  });

  it('search finds a story by its key', async () => {
    const { po } = team;
    await po.goto(`/projects/${KEY}/backlog`);
    await po.getByRole('combobox', { name: 'Search all stories' }).fill(`${KEY.toLowerCase()}-4`);
    await po.getByRole('option', { name: new RegExp(`${KEY}-4`) }).click();
    await po.waitForURL(`**/projects/${KEY}/backlog?story=${KEY}-4`);
    await po.getByRole('dialog', { name: `Story ${KEY}-4` }).waitFor();
  });

  it('All stories lists done ones too, keeps its filters in the URL through a reload, and pages by arrow keys', async () => {
    const { dev } = team;
    await dev.goto(`/projects/${KEY}/backlog`);
    await dev.getByRole('link', { name: 'All stories' }).click();
    await dev.waitForURL(`**/projects/${KEY}/stories`);
    const rows = dev.locator('.story-list [data-story]');
    await dev.locator(`.story-list [data-story="${KEY}-2"]`).waitFor();
    expect(await keysOf(rows)).toEqual([`${KEY}-1`, `${KEY}-2`, `${KEY}-3`, `${KEY}-4`]);
    await dev.getByRole('combobox', { name: 'Open or done' }).selectOption({ label: 'Done only' });
    await dev.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Last updated' });
    await dev.waitForURL(/done=true/);
    await waitForKeys(rows, [`${KEY}-2`]);
    await dev.reload();
    await waitForKeys(rows, [`${KEY}-2`]);
    expect(await dev.getByRole('combobox', { name: 'Open or done' }).inputValue()).toBe('true');
    expect(await dev.getByRole('combobox', { name: 'Sort by' }).inputValue()).toBe('updated');
    await snap(dev, 'web-all-stories');
    // One Tab stop for the list: the arrow keys go from row to row.
    await dev.getByRole('combobox', { name: 'Open or done' }).selectOption({ label: 'Open and done' });
    await dev.waitForURL((url) => !url.search.includes('done='));
    await dev.waitForFunction(() => document.querySelectorAll('.story-list [data-story]').length === 4);
    const [first, second] = await keysOf(rows);
    await dev.getByRole('combobox', { name: 'Sort by' }).focus();
    await dev.keyboard.press('Tab');
    expect(await focusedStory(dev)).toBe(first);
    await dev.keyboard.press('ArrowDown');
    expect(await focusedStory(dev)).toBe(second);
    await dev.keyboard.press('Tab');
    expect(await focusedStory(dev)).toBeNull();
  });

  it('the PO finds a deleted story in the trash and restores it', async () => {
    const { po } = team;
    await po.goto(`/projects/${KEY}/stories`);
    const rows = po.locator('.story-list [data-story]');
    await rows.first().waitFor();
    expect(await po.locator(`[data-story="${KEY}-5"]`).count()).toBe(0);
    await po.getByRole('checkbox', { name: 'Trash' }).check();
    await waitForKeys(rows, [`${KEY}-5`]);
    await po.getByRole('button', { name: `Restore ${KEY}-5` }).click();
    await po.getByText('The trash is empty').waitFor();
    await po.getByRole('checkbox', { name: 'Trash' }).uncheck();
    await po.locator(`.story-list [data-story="${KEY}-5"]`).waitFor();
    await po.goto(`/projects/${KEY}/backlog`);
    await po.locator(`[data-story="${KEY}-5"]`).waitFor();
  });

  it('a board card shows its sub-tasks and its blocker, which goes away live once the blocker is done', async () => {
    const { dev } = team;
    await dev.goto(`/projects/${KEY}/board`);
    const card = (key: string) => dev.locator(`.board-card[data-story="${key}"]`);
    await card(`${KEY}-1`).getByLabel('1 of 2 sub-tasks done').waitFor();
    const blocked = card(`${KEY}-3`).getByLabel(`Blocked by ${KEY}-4, not done yet`);
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain(`${KEY}-4`);
    expect(await card(`${KEY}-1`).locator('.chip-blocked').count()).toBe(0);
    await snap(dev, 'web-board-blocked');
    await waitForLive(dev);
    await team.admin.call('POST', `/projects/${KEY}/stories/${KEY}-4/transition`, { statusId: doneId });
    await blocked.waitFor({ state: 'detached' });
  });

  it('the cumulative flow chart counts today’s stories per status from the event log', async () => {
    const { po } = team;
    await po.goto(`/projects/${KEY}/reports`);
    const chart = po.locator('figure.cumulative-flow');
    await chart.waitFor();
    // FND-2 and FND-4 were moved to Done and FND-1 to In Progress today: the bands say so.
    expect(await chart.locator('.flow-legend[data-status="Done"] strong').textContent()).toBe('2');
    expect(await chart.locator('.flow-legend[data-status="In Progress"] strong').textContent()).toBe('1');
    expect(await chart.locator('polygon.band').count()).toBe(4);
    expect(await chart.getAttribute('aria-label')).toMatch(/1 In Progress, .*2 Done$/);
    await po.getByRole('combobox', { name: 'Flow over' }).selectOption({ label: 'Last 90 days' });
    await po.waitForURL(/flow=90/);
    await po.locator('figure.cumulative-flow').waitFor();
    await snap(po, 'web-cumulative-flow');
  });

  it('a description shows as Markdown, its HTML never runs, and story keys link', async () => {
    const { dev } = team;
    await dev.goto(`/projects/${KEY}/stories/${KEY}-3`);
    const text = dev.locator('.markdown-field .markdown');
    await text.locator('strong').waitFor();
    expect(await text.locator('strong').textContent()).toBe('one to five');
    const guide = text.getByRole('link', { name: 'the guide' });
    expect(await guide.getAttribute('target')).toBe('_blank');
    expect(await guide.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await text.locator('img').count()).toBe(0);
    expect(await dev.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await text.getByRole('link', { name: `${KEY}-1` }).click();
    await dev.waitForURL(`**/projects/${KEY}/stories/${KEY}-1`);
    expect(team.pageErrors).toEqual([]);
  });
});
