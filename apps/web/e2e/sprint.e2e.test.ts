import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { centre, drag } from './browser';
import { CHROMIUM, snap, startTeam, waitForLive, type Team } from './setup';

const keysIn = (page: Page, selector: string) =>
  page
    .locator(`${selector} [data-story]`)
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-story')));
const column = (name: string) => `.board-column[data-status="${name}"]`;

describe.skipIf(!CHROMIUM)('a sprint, from planning to completion, with the board live for both', () => {
  let team: Team;
  beforeAll(async () => {
    team = await startTeam('SPR', [
      'Sign up with email',
      'Reset my password',
      'See my orders',
      'Cancel an order',
    ]);
    // Two epics from the PM's side (the admin may do everything), so the roadmap has something to forecast.
    const epic = (title: string, color: string, startDate: string, targetDate: string) =>
      team.admin.call<{ epic: { id: string } }>('POST', '/projects/SPR/epics', {
        title,
        color,
        startDate,
        targetDate,
      });
    const accounts = await epic('Accounts', '#6366f1', '2026-01-05', '2026-02-13');
    await epic('Order history', '#10b981', '2026-02-02', '2026-03-27');
    for (const key of ['SPR-1', 'SPR-2']) {
      const { story } = await team.admin.call<{ story: { version: number } }>(
        'GET',
        `/projects/SPR/stories/${key}`,
      );
      await team.admin.call('PATCH', `/projects/SPR/stories/${key}`, {
        version: story.version,
        epicId: accounts.epic.id,
      });
    }
  });
  afterAll(() => team?.close());

  it('the PO creates a sprint and drags the top stories into it', async () => {
    const { po } = team;
    await po.goto('/projects/SPR/planning');
    await po.getByRole('button', { name: 'New sprint' }).click();
    await po.locator('.plan-list[data-side="sprint"]').waitFor();
    for (const key of ['SPR-1', 'SPR-2']) {
      const from = await centre(po, `[data-side="backlog"] [data-story="${key}"]`);
      const to = await centre(po, '.plan-list[data-side="sprint"]');
      await drag(po, from, to);
      await po.locator(`[data-side="sprint"] [data-story="${key}"]`).waitFor();
    }
    await expect
      .poll(() => keysIn(po, '[data-side="backlog"]'), { timeout: 5000 })
      .toEqual(['SPR-3', 'SPR-4']);
    await expect.poll(() => po.getByTestId('capacity').textContent()).toContain('8 points planned');
    await snap(po, 'planning');
  });

  it('the PO starts it with a goal and dates', async () => {
    const { po } = team;
    await po.getByRole('button', { name: 'Start sprint' }).click();
    await po.getByLabel('Sprint goal').fill('Customers can get into their account');
    await po.getByRole('dialog').getByRole('button', { name: 'Start sprint' }).click();
    await po.getByTestId('active-sprint').waitFor();
  });

  it('the developer drags a card to In Progress and the PO’s board follows', async () => {
    const { po, dev } = team;
    for (const page of [po, dev]) {
      await page.goto('/projects/SPR/board');
      await page.locator(`${column('To Do')} [data-story="SPR-1"]`).waitFor();
      await waitForLive(page);
    }
    const from = await centre(dev, '[data-story="SPR-1"]');
    const to = await centre(dev, column('In Progress'));
    await drag(dev, from, to);
    await expect.poll(() => keysIn(dev, column('In Progress')), { timeout: 5000 }).toEqual(['SPR-1']);
    await expect.poll(() => keysIn(po, column('In Progress')), { timeout: 10_000 }).toEqual(['SPR-1']);
    await dev.locator('[data-story="SPR-1"]').getByRole('button', { name: 'Take it' }).click();
    await po.locator('[data-story="SPR-1"] [aria-label="Dana Dev"]').waitFor();
    await dev.locator('[data-story="SPR-2"]').focus();
    await dev.keyboard.press('Alt+ArrowRight');
    await expect
      .poll(() => keysIn(po, column('In Progress')), { timeout: 10_000 })
      .toEqual(['SPR-1', 'SPR-2']);
    await snap(dev, 'board-developer');
    const background = () => dev.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(247, 247, 248)');
    await dev.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(17, 17, 20)');
    await snap(dev, 'board-dark');
    // The toggle wins over the OS: system → dark → light.
    const toggle = dev.getByRole('button', { name: /^Theme:/ });
    await toggle.click();
    await toggle.click();
    expect(await background()).toBe('rgb(247, 247, 248)');
    await toggle.click();
    expect(await background()).toBe('rgb(17, 17, 20)');
    await dev.emulateMedia({ colorScheme: 'light' });
  });

  it('the work is done and the PO accepts it on the board', async () => {
    const { po, dev } = team;
    const from = await centre(dev, '[data-story="SPR-1"]');
    const to = await centre(dev, column('Done'));
    await drag(dev, from, to);
    await expect.poll(() => keysIn(po, column('Done')), { timeout: 10_000 }).toEqual(['SPR-1']);
    await po.locator('[data-story="SPR-1"]').getByRole('button', { name: 'Accept' }).click();
    await po.getByText('Accepted by the Product Owner').waitFor();
    await snap(po, 'board-po');
  });

  it('the PO completes the sprint and the unfinished story returns to the top of the backlog', async () => {
    const { po } = team;
    await po.goto('/projects/SPR/planning');
    await po.getByRole('button', { name: 'Complete sprint' }).click();
    await po.getByRole('dialog').getByRole('button', { name: 'Complete sprint' }).click();
    await po.getByTestId('active-sprint').waitFor({ state: 'detached' });
    await po.goto('/projects/SPR/backlog');
    await expect
      .poll(
        () =>
          po
            .locator('.backlog-scroll [data-story]')
            .evaluateAll((r) => r.map((x) => x.getAttribute('data-story'))),
        { timeout: 10_000 },
      )
      .toEqual(['SPR-2', 'SPR-3', 'SPR-4']);
  });

  it('every view opens from a shared link, for the screenshots of the README', async () => {
    const { po } = team;
    const views: [string, string][] = [
      ['stories/SPR-1', 'input[aria-label="Title"]'],
      ['reports', 'figure[aria-label="Velocity"]'],
      ['roadmap', 'h1:has-text("Roadmap")'],
      ['members', '.member'],
      ['feedback', 'h1:has-text("Feedback")'],
    ];
    for (const [path, ready] of views) {
      await po.goto(`/projects/SPR/${path}`);
      await po.locator(ready).first().waitFor();
      await po.waitForTimeout(300);
      await snap(po, path.replace('/', '-'));
    }
  });

  it('the story’s history says who did what, with their role', async () => {
    const { po } = team;
    await po.goto('/projects/SPR/stories/SPR-1');
    await po.getByText('Dana Dev (Developer) moved this from To Do to In Progress').waitFor();
    await po.getByText('Ana Owner (Product Owner) accepted this').waitFor();
    await po.getByText('Dana Dev (Developer) assigned this to Dana Dev').waitFor();
  });

  it('no page threw an error along the way', () => {
    expect(team.pageErrors).toEqual([]);
  });
});
