import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { CHROMIUM, snap, startTeam, type Team } from './setup';

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
    await dev.waitForURL(`**/projects/${KEY}/stories/${KEY}-2`);
    await dev.getByRole('textbox', { name: 'Title' }).first().waitFor();
    expect(await dev.getByRole('textbox', { name: 'Title' }).first().inputValue()).toBe('Print an invoice');
  });

  it('search finds a story by its key', async () => {
    const { po } = team;
    await po.goto(`/projects/${KEY}/backlog`);
    await po.getByRole('combobox', { name: 'Search all stories' }).fill(`${KEY.toLowerCase()}-4`);
    await po.getByRole('option', { name: new RegExp(`${KEY}-4`) }).click();
    await po.waitForURL(`**/projects/${KEY}/stories/${KEY}-4`);
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
    await waitForKeys(rows, [`${KEY}-3`, `${KEY}-2`, `${KEY}-4`, `${KEY}-1`]);
    await dev.getByRole('combobox', { name: 'Sort by' }).focus();
    await dev.keyboard.press('Tab');
    expect(await focusedStory(dev)).toBe(`${KEY}-3`);
    await dev.keyboard.press('ArrowDown');
    expect(await focusedStory(dev)).toBe(`${KEY}-2`);
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
