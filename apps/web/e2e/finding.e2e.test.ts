import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, snap, startTeam, type Team } from './setup';

const KEY = 'FND';
const TITLES = ['Sign up with email', 'Print an invoice', 'Rate a product', 'Cancel an order'];

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
